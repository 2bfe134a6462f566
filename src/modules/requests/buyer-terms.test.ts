import { describe, expect, it } from "vitest";
import { describeTerms, hasTerms, NO_TERMS, termBreaches, type QuoteLines } from "./buyer-terms";

const now = new Date("2026-12-07T12:00:00Z");
const day = 86_400_000;
const clean: QuoteLines = { addOnsCents: 0, feesCents: 29_900, validUntil: new Date(now.getTime() + 7 * day), inStock: true };

describe("termBreaches", () => {
  it("finds nothing when the buyer set no terms, whatever the quote holds", () => {
    expect(termBreaches(NO_TERMS, { addOnsCents: 99_500, feesCents: 250_000, validUntil: new Date(now.getTime() + 3_600_000), inStock: false }, now)).toEqual({});
  });

  it("refuses add-ons under 'no add-ons', on the add-ons line", () => {
    const terms = { ...NO_TERMS, noAddOns: true };
    expect(termBreaches(terms, clean, now)).toEqual({});
    expect(termBreaches(terms, { ...clean, addOnsCents: 1 }, now)).toEqual({ addOnsCents: "The buyer asked for no add-ons. Set add-ons to $0." });
  });

  it("caps dealer fees at the buyer's amount, the cap itself allowed", () => {
    const terms = { ...NO_TERMS, maxFeesCents: 29_900 };
    expect(termBreaches(terms, clean, now)).toEqual({});
    expect(termBreaches(terms, { ...clean, feesCents: 30_000 }, now).feesCents).toBe("The buyer accepts dealer fees of at most $299.");
  });

  it("needs the validity to reach the buyer's minimum, allowing the end-of-day rounding of a date", () => {
    const terms = { ...NO_TERMS, minValidDays: 14 };
    expect(termBreaches(terms, clean, now).validUntil).toBe("The buyer asked for a quote valid for at least 14 days: until Dec 21, 2026 or later.");
    expect(termBreaches(terms, { ...clean, validUntil: new Date(now.getTime() + 14 * day) }, now)).toEqual({});
    // Half an hour short (a date picked as "the 21st" but read against a later clock) still counts.
    expect(termBreaches(terms, { ...clean, validUntil: new Date(now.getTime() + 14 * day - 1_800_000) }, now)).toEqual({});
    expect(termBreaches(terms, { ...clean, validUntil: new Date(now.getTime() + 13 * day) }, now).validUntil).toBeDefined();
  });

  it("refuses a car in transit under 'in stock only'", () => {
    const terms = { ...NO_TERMS, inStockOnly: true };
    expect(termBreaches(terms, { ...clean, inStock: false }, now)).toEqual({ inStock: "The buyer wants a car that is in stock now." });
  });

  it("reports every broken term at once, each on its own line", () => {
    const terms = { noAddOns: true, maxFeesCents: 0, minValidDays: 10, threadOnly: true, inStockOnly: true };
    expect(Object.keys(termBreaches(terms, { addOnsCents: 50_000, feesCents: 100, validUntil: new Date(now.getTime() + day), inStock: false }, now)).sort()).toEqual(["addOnsCents", "feesCents", "inStock", "validUntil"]);
  });
});

describe("describeTerms", () => {
  it("words each term the buyer set, and nothing else", () => {
    expect(describeTerms(NO_TERMS)).toEqual([]);
    expect(hasTerms(NO_TERMS)).toBe(false);
    const all = { noAddOns: true, maxFeesCents: 50_000, minValidDays: 1, threadOnly: true, inStockOnly: true };
    expect(describeTerms(all).map((t) => t.text)).toEqual([
      "No add-ons",
      "Dealer fees at most $500",
      "Quote valid for at least 1 day",
      "Contact only through the Keyturn thread, even after acceptance",
      "In-stock cars only",
    ]);
    expect(describeTerms({ ...NO_TERMS, maxFeesCents: 0 })[0]!.text).toBe("No dealer fees");
    expect(hasTerms({ ...NO_TERMS, threadOnly: true })).toBe(true);
  });
});
