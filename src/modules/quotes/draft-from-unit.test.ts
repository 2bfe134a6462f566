import { describe, expect, it } from "vitest";
import { computeQuoteTotals } from "./pricing";
import { quoteDefaultsOf } from "./quote-defaults";
import { discountedPriceCents, draftQuoteFromUnit, taxCents } from "./draft-from-unit";
import { formatRateBps, STATE_TAX_TABLE, stateTaxRateBps } from "./state-tax";
import { submitQuoteInput } from "./schemas";

const unit = { vin: "1HGCM82633A004352", condition: "USED" as const, year: 2003, make: "Honda", model: "Accord", trim: "EX", bodyType: "SEDAN" as const, mileage: 120_000, priceCents: 1_234_567 };

describe("quote defaults", () => {
  it("takes the state table's rate, with its date and source, until the dealer sets one", () => {
    const d = quoteDefaultsOf({ state: "TX", docFeeCents: 15_000, addOnsCents: 0, addOnsLabel: null, taxRateBps: null, quoteValidDays: 5 });
    expect(d.taxRateBps).toBe(625);
    expect(d.taxRateSource).toEqual({ kind: "state-table", state: "TX", asOf: STATE_TAX_TABLE.asOf, source: STATE_TAX_TABLE.source });
    expect(quoteDefaultsOf({ state: "TX", docFeeCents: 0, addOnsCents: 0, addOnsLabel: null, taxRateBps: 825, quoteValidDays: 5 }).taxRateSource).toEqual({ kind: "dealer" });
  });

  it("knows every state and DC, and no more", () => {
    expect(Object.keys(STATE_TAX_TABLE.ratesBps)).toHaveLength(51);
    expect(stateTaxRateBps("or")).toBe(0);
    expect(stateTaxRateBps("ZZ")).toBeNull();
    expect(formatRateBps(625)).toBe("6.25%");
    expect(formatRateBps(600)).toBe("6%");
  });
});

describe("draftQuoteFromUnit", () => {
  const defaults = quoteDefaultsOf({ state: "AZ", docFeeCents: 49_900, addOnsCents: 29_500, addOnsLabel: "Nitrogen tires", taxRateBps: null, quoteValidDays: 10 });
  const now = new Date("2026-12-07T12:00:00Z");

  it("fills the vehicle, the standard lines, the tax at the default rate and the validity", () => {
    const f = draftQuoteFromUnit(unit, defaults, { now });
    expect(f).toMatchObject({ vin: unit.vin, year: 2003, make: "Honda", model: "Accord", trim: "EX", mileage: 120_000, inStock: true, vehiclePriceCents: 1_234_567, feesCents: 49_900, addOnsCents: 29_500, incentivesCents: 0, tradeInOfferCents: 0 });
    // (12,345.67 + 499 + 295) × 5.6% = 735.82152 → 735.82
    expect(f.taxCents).toBe(73_582);
    expect(f.validUntil.toISOString()).toBe("2026-12-17T12:00:00.000Z");
    expect(computeQuoteTotals(f, 0).otdCents).toBe(1_234_567 + 49_900 + 29_500 + 73_582);
  });

  it("passes the same validation as a typed quote", () => {
    const f = draftQuoteFromUnit(unit, defaults);
    expect(submitQuoteInput.safeParse({ ...f, leadId: "lead1" }).success).toBe(true);
  });

  it("takes a discount off the list price, in whole dollars in the buyer's favour", () => {
    expect(discountedPriceCents(3_000_000, 0)).toBe(3_000_000);
    expect(discountedPriceCents(3_000_000, 250)).toBe(2_925_000);
    expect(discountedPriceCents(2_999_999, 100)).toBe(2_969_900);
    expect(() => discountedPriceCents(1, -1)).toThrow(RangeError);
    expect(draftQuoteFromUnit(unit, defaults, { discountBps: 1000 }).vehiclePriceCents).toBe(1_111_100);
  });

  it("rounds tax half up to the cent", () => {
    expect(taxCents(10_000, 625)).toBe(625);
    expect(taxCents(1, 5_000)).toBe(1);
    expect(taxCents(1, 4_999)).toBe(0);
  });
});
