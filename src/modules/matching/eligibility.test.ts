import { describe, expect, it } from "vitest";
import { budgetCeilingCents, evaluateEligibility, type MatchDealer, type MatchRequest } from "./eligibility";

const request: MatchRequest = { bodyType: "SUV", condition: "NEW", makes: ["Toyota"], maxPriceCents: 3_500_000, maxMonthlyCents: null, termMonths: null, downPaymentCents: 0, radiusMiles: 25 };
const dealer: MatchDealer = { serviceRadiusMiles: 50, makes: ["Toyota", "Honda"], bodyTypes: ["SUV", "SEDAN"], sellsNew: true, sellsUsed: false, minPriceCents: 1_000_000, maxPriceCents: 8_000_000, dailyLeadCap: 10 };
const ctx = { distanceMiles: 12.2, leadsToday: 0, blocked: false };

describe("evaluateEligibility", () => {
  it("skips a dealer whose fixed doc fee is above the buyer's fee cap, and only then", () => {
    const capped = { ...request, maxFeesCents: 30_000 };
    expect(evaluateEligibility(capped, { ...dealer, fixedDocFeeCents: 59_900 }, ctx)).toEqual({
      eligible: false,
      reasons: ["Charges a $599 doc fee on every sale, above the buyer's $300 limit on dealer fees"],
    });
    // At the cap, a fee that is not fixed, or no cap at all: the dealer can still quote within the terms.
    expect(evaluateEligibility(capped, { ...dealer, fixedDocFeeCents: 30_000 }, ctx).eligible).toBe(true);
    expect(evaluateEligibility(capped, { ...dealer, fixedDocFeeCents: null }, ctx).eligible).toBe(true);
    expect(evaluateEligibility(request, { ...dealer, fixedDocFeeCents: 59_900 }, ctx).eligible).toBe(true);
  });

  it("accepts a fit and says why in the dealer's words", () => {
    const r = evaluateEligibility(request, dealer, ctx);
    expect(r.eligible).toBe(true);
    expect(r.reasons).toEqual([
      "Within 12 mi of the buyer (your radius 50 mi, theirs 25 mi)",
      "Sells Toyota SUVs, new",
      "Price range $10,000–$80,000 overlaps the buyer's $35,000 maximum price",
    ]);
  });

  it("needs the distance within both radii", () => {
    expect(evaluateEligibility(request, dealer, { ...ctx, distanceMiles: 25 }).eligible).toBe(true);
    expect(evaluateEligibility(request, dealer, { ...ctx, distanceMiles: 25.1 }).reasons).toEqual(["25 mi away, outside the buyer's 25 mi radius"]);
    const small = { ...dealer, serviceRadiusMiles: 10 };
    expect(evaluateEligibility(request, small, ctx).reasons).toEqual(["12 mi away, outside your 10 mi radius"]);
  });

  it("rejects make, body type and condition mismatches", () => {
    expect(evaluateEligibility({ ...request, makes: ["Ford", "Kia"] }, dealer, ctx).reasons).toContain("Does not sell Ford or Kia");
    expect(evaluateEligibility({ ...request, bodyType: "TRUCK" }, dealer, ctx).reasons).toContain("Does not sell trucks");
    expect(evaluateEligibility({ ...request, condition: "USED" }, dealer, ctx).reasons).toContain("Does not sell used vehicles");
    expect(evaluateEligibility({ ...request, condition: "ANY" }, dealer, ctx).eligible).toBe(true);
  });

  it("matches any make when none is requested, case-insensitively otherwise", () => {
    expect(evaluateEligibility({ ...request, makes: [] }, dealer, ctx).reasons[1]).toBe("Sells SUVs, new");
    expect(evaluateEligibility({ ...request, makes: ["toyota"] }, dealer, ctx).eligible).toBe(true);
  });

  it("needs the price range to overlap the budget", () => {
    const pricey = { ...dealer, minPriceCents: 3_500_001 };
    expect(evaluateEligibility(request, pricey, ctx).reasons).toEqual(["Cheapest stock ($35,000) is above the buyer's $35,000 maximum price"]);
    expect(evaluateEligibility(request, { ...dealer, minPriceCents: 3_500_000 }, ctx).eligible).toBe(true);
  });

  it("states the budget as the lead card does, naming where a higher monthly reach comes from", () => {
    const both = { ...request, maxPriceCents: 4_500_000, maxMonthlyCents: 70_000, termMonths: 60, downPaymentCents: 800_000 };
    expect(evaluateEligibility(both, dealer, ctx).reasons[2]).toBe(
      "Price range $10,000–$80,000 overlaps the buyer's budget ($45,000 maximum price; $700/mo over 60 months plus $8,000 down reaches $50,000)",
    );
    const monthlyOnly = { ...both, maxPriceCents: null, downPaymentCents: 0 };
    expect(evaluateEligibility(monthlyOnly, dealer, ctx).reasons[2]).toBe("Price range $10,000–$80,000 overlaps the buyer's budget ($700/mo over 60 months, about $42,000)");
  });

  it("respects the daily cap and blocks", () => {
    expect(evaluateEligibility(request, dealer, { ...ctx, leadsToday: 9 }).eligible).toBe(true);
    expect(evaluateEligibility(request, dealer, { ...ctx, leadsToday: 10 }).reasons).toEqual(["Daily lead cap of 10 reached"]);
    expect(evaluateEligibility(request, dealer, { ...ctx, blocked: true }).eligible).toBe(false);
  });
});

describe("budgetCeilingCents", () => {
  it("takes the larger of the price and what the monthly target reaches", () => {
    expect(budgetCeilingCents({ maxPriceCents: null, maxMonthlyCents: 50_000, termMonths: 60, downPaymentCents: 200_000 })).toBe(3_200_000);
    expect(budgetCeilingCents({ maxPriceCents: 4_000_000, maxMonthlyCents: 50_000, termMonths: 60, downPaymentCents: 0 })).toBe(4_000_000);
    expect(budgetCeilingCents({ maxPriceCents: null, maxMonthlyCents: 50_000, termMonths: null, downPaymentCents: 0 })).toBe(0);
  });
});
