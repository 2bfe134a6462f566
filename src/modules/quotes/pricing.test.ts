import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeQuoteTotals } from "./pricing";

const cents = (max: number) => fc.integer({ min: 0, max });
const breakdown = fc
  .record({ vehiclePriceCents: cents(50_000_000), feesCents: cents(5_000_000), addOnsCents: cents(5_000_000), taxCents: cents(10_000_000), tradeInOfferCents: cents(20_000_000), incentivesFraction: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ incentivesFraction, ...p }) => ({ ...p, incentivesCents: Math.floor((p.vehiclePriceCents + p.feesCents + p.addOnsCents) * incentivesFraction) }));

describe("computeQuoteTotals", () => {
  it("adds up a typical quote exactly", () => {
    expect(
      computeQuoteTotals({ vehiclePriceCents: 3_299_500, feesCents: 89_900, addOnsCents: 49_999, incentivesCents: 100_000, taxCents: 275_318, tradeInOfferCents: 800_000 }, 300_000),
    ).toEqual({ otdCents: 3_614_717, amountFinancedCents: 2_514_717 });
  });

  it("OTD is exactly the signed sum of its parts, in whole cents", () => {
    fc.assert(
      fc.property(breakdown, cents(50_000_000), (p, down) => {
        const { otdCents } = computeQuoteTotals(p, down);
        expect(Number.isInteger(otdCents)).toBe(true);
        expect(otdCents).toBe(p.vehiclePriceCents + p.feesCents + p.addOnsCents - p.incentivesCents + p.taxCents);
        expect(otdCents).toBeGreaterThanOrEqual(p.taxCents);
      }),
    );
  });

  it("amount financed is never negative and never more than OTD", () => {
    fc.assert(
      fc.property(breakdown, cents(50_000_000), (p, down) => {
        const t = computeQuoteTotals(p, down);
        expect(t.amountFinancedCents).toBeGreaterThanOrEqual(0);
        expect(t.amountFinancedCents).toBeLessThanOrEqual(t.otdCents);
        expect(t.amountFinancedCents).toBe(Math.max(0, t.otdCents - down - p.tradeInOfferCents));
      }),
    );
  });

  it("a larger down payment never increases the amount financed", () => {
    fc.assert(
      fc.property(breakdown, cents(10_000_000), cents(10_000_000), (p, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(computeQuoteTotals(p, hi).amountFinancedCents).toBeLessThanOrEqual(computeQuoteTotals(p, lo).amountFinancedCents);
      }),
    );
  });

  it("refuses fractional or negative cents and incentives above the price", () => {
    const ok = { vehiclePriceCents: 1000, feesCents: 0, addOnsCents: 0, incentivesCents: 0, taxCents: 0, tradeInOfferCents: 0 };
    expect(() => computeQuoteTotals({ ...ok, feesCents: 0.5 }, 0)).toThrow(RangeError);
    expect(() => computeQuoteTotals({ ...ok, taxCents: -1 }, 0)).toThrow(RangeError);
    expect(() => computeQuoteTotals(ok, -1)).toThrow(RangeError);
    expect(() => computeQuoteTotals({ ...ok, incentivesCents: 1001 }, 0)).toThrow(RangeError);
  });
});
