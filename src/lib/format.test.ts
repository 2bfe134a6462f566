import { describe, expect, it } from "vitest";
import { centsToDollars, dollarsToCents, intOrUndefined } from "./format";

describe("money parsing", () => {
  it("turns typed dollars into exact cents", () => {
    expect(dollarsToCents("34,500.5")).toBe(3_450_050);
    expect(dollarsToCents("$1,234.56")).toBe(123_456);
    expect(dollarsToCents("0.07")).toBe(7);
    expect(dollarsToCents("")).toBeUndefined();
    expect(dollarsToCents("12.345")).toBeNaN();
    expect(dollarsToCents("-5")).toBeNaN();
    expect(centsToDollars(3_450_050)).toBe("34500.50");
    expect(centsToDollars(100)).toBe("1");
    expect(intOrUndefined("1,200")).toBe(1200);
    expect(intOrUndefined("1.5")).toBeNaN();
  });
});
