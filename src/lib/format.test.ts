import { describe, expect, it } from "vitest";
import { centsToDollars, dollarsToCents, intOrUndefined, linesOf, percentToBps } from "./format";

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

describe("rate and list parsing", () => {
  it("reads an APR typed as a percent into whole basis points, without float drift", () => {
    expect(percentToBps("6.49")).toBe(649);
    expect(percentToBps(" 7% ")).toBe(700);
    expect(percentToBps("0.1")).toBe(10);
    expect(percentToBps("4.35")).toBe(435); // 4.35 * 100 is 434.99999… in floating point
    expect(percentToBps("")).toBeUndefined();
    expect(percentToBps("6.499")).toBeNaN();
    expect(percentToBps("-1")).toBeNaN();
  });

  it("keeps one entry per non-empty line", () => {
    expect(linesOf(" Proof of income \n\n  Insurance binder\n")).toEqual(["Proof of income", "Insurance binder"]);
    expect(linesOf(null)).toEqual([]);
  });
});
