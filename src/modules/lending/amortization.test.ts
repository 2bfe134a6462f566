import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { disclosure, monthlyPaymentCents, MAX_APR_BPS, MAX_TERM_MONTHS } from "~/modules/lending/amortization";

const principal = fc.integer({ min: 0, max: 50_000_000 }); // up to $500k
const apr = fc.integer({ min: 0, max: MAX_APR_BPS });
const term = fc.integer({ min: 1, max: MAX_TERM_MONTHS });

describe("monthlyPaymentCents", () => {
  it("matches known amortization figures", () => {
    // $30,000 at 6.87% for 60 months: $592.20 (592.1977 rounded up).
    expect(monthlyPaymentCents(3_000_000, 687, 60)).toBe(59_220);
    // $20,000 at 12% for 12 months: $1,776.98.
    expect(monthlyPaymentCents(2_000_000, 1200, 12)).toBe(177_698);
  });

  it("splits the principal evenly at 0% APR", () => {
    expect(monthlyPaymentCents(1_200_000, 0, 60)).toBe(20_000);
    expect(monthlyPaymentCents(100, 0, 3)).toBe(34);
    expect(disclosure(100, 0, 3)).toMatchObject({ totalOfPaymentsCents: 100, financeChargeCents: 0 });
  });

  it("is zero for a zero principal", () => {
    expect(monthlyPaymentCents(0, 999, 72)).toBe(0);
  });

  it("refuses nonsense instead of returning NaN", () => {
    expect(() => monthlyPaymentCents(-1, 500, 60)).toThrow(RangeError);
    expect(() => monthlyPaymentCents(100.5, 500, 60)).toThrow(RangeError);
    expect(() => monthlyPaymentCents(1000, 500, 0)).toThrow(RangeError);
    expect(() => monthlyPaymentCents(1000, -1, 60)).toThrow(RangeError);
    expect(() => monthlyPaymentCents(1000, Number.NaN, 60)).toThrow(RangeError);
  });

  it("is always a finite whole number of cents", () => {
    fc.assert(
      fc.property(principal, apr, term, (p, a, n) => {
        const m = monthlyPaymentCents(p, a, n);
        return Number.isSafeInteger(m) && m >= 0;
      }),
    );
  });

  it("always repays at least the principal", () => {
    fc.assert(fc.property(principal, apr, term, (p, a, n) => monthlyPaymentCents(p, a, n) * n >= p));
  });

  it("is monotonic in APR", () => {
    fc.assert(
      fc.property(principal, apr, apr, term, (p, a1, a2, n) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        return monthlyPaymentCents(p, lo, n) <= monthlyPaymentCents(p, hi, n);
      }),
    );
  });

  it("is monotonic in the amount", () => {
    fc.assert(
      fc.property(principal, principal, apr, term, (p1, p2, a, n) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        return monthlyPaymentCents(lo, a, n) <= monthlyPaymentCents(hi, a, n);
      }),
    );
  });

  it("falls as the term gets longer (for a positive APR)", () => {
    fc.assert(
      fc.property(principal, apr, fc.integer({ min: 1, max: MAX_TERM_MONTHS - 1 }), (p, a, n) => monthlyPaymentCents(p, a, n + 1) <= monthlyPaymentCents(p, a, n)),
    );
  });
});

describe("disclosure", () => {
  it("adds up exactly: total = payment × term = amount financed + finance charge", () => {
    fc.assert(
      fc.property(principal, fc.integer({ min: 1, max: MAX_APR_BPS }), term, (p, a, n) => {
        const d = disclosure(p, a, n);
        return (
          d.totalOfPaymentsCents === d.monthlyPaymentCents * n &&
          d.totalOfPaymentsCents === d.amountFinancedCents + d.financeChargeCents &&
          d.financeChargeCents >= 0 &&
          [d.amountFinancedCents, d.financeChargeCents, d.totalOfPaymentsCents, d.monthlyPaymentCents].every(Number.isSafeInteger)
        );
      }),
    );
  });

  it("has no finance charge at 0% when the principal divides evenly", () => {
    expect(disclosure(1_200_000, 0, 60)).toMatchObject({ financeChargeCents: 0, totalOfPaymentsCents: 1_200_000, monthlyPaymentCents: 20_000 });
  });

  it("finance charge grows with APR", () => {
    fc.assert(
      fc.property(principal, apr, apr, term, (p, a1, a2, n) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        return disclosure(p, lo, n).financeChargeCents <= disclosure(p, hi, n).financeChargeCents;
      }),
    );
  });
});
