import { describe, expect, it } from "vitest";
import { centsToDollars, distance, dollarsToCents, intOrUndefined, linesOf, percentToBps, possessive, usd } from "./format";
import { dollars, miles } from "~/components/inbox/format";
import { formatCents } from "~/modules/lending/amortization";

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

describe("display formats", () => {
  it("shows one amount one way: whole dollars without .00, cents only when there are cents, never rounded", () => {
    expect(usd(3_855_600)).toBe("$38,556");
    expect(usd(3_855_640)).toBe("$38,556.40");
    expect(usd(4_000_050)).toBe("$40,000.50");
    expect(usd(null)).toBe("—");
    expect(formatCents(3_855_600)).toBe(usd(3_855_600));
    expect(dollars(3_855_650)).toBe("$38,556.50");
  });

  it("never says 0.0 mi", () => {
    expect(distance(0)).toBe("under 0.1 mi");
    expect(distance(0.04)).toBe("under 0.1 mi");
    expect(distance(0.96)).toBe("1.0 mi");
    expect(distance(3.44)).toBe("3.4 mi");
    expect(distance(27.6)).toBe("28 mi");
    expect(miles(0.01)).toBe("under 0.1 mi");
  });

  it("writes a possessive a person would", () => {
    expect(possessive("Desert Motors")).toBe("Desert Motors'");
    expect(possessive("Camelback Toyota")).toBe("Camelback Toyota's");
    expect(possessive("Buyer #K3 ")).toBe("Buyer #K3's");
  });
});
