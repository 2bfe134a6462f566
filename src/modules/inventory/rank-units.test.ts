import { describe, expect, it } from "vitest";
import { quoteDefaultsOf } from "~/modules/quotes/quote-defaults";
import { assessUnit, rankUnits, type RankRequest, type RankUnit } from "./rank-units";

const defaults = quoteDefaultsOf({ state: "AZ", docFeeCents: 49_900, addOnsCents: 0, addOnsLabel: null, taxRateBps: 800, quoteValidDays: 7 });
const request: RankRequest = {
  bodyType: "SUV", condition: "USED", makes: ["Toyota", "Honda"], model: null, yearMin: 2020, yearMax: 2024, maxMileage: 60_000,
  features: ["AWD"], maxPriceCents: 3_500_000, maxMonthlyCents: null, termMonths: null, downPaymentCents: 0, creditTier: "PRIME",
};
let n = 0;
const unit = (over: Partial<RankUnit> = {}): RankUnit => ({
  id: `u${++n}`, vin: `VIN${String(n).padStart(14, "0")}`, condition: "USED", year: 2022, make: "Toyota", model: "RAV4", trim: "XLE",
  bodyType: "SUV", mileage: 30_000, priceCents: 2_800_000, features: ["AWD", "Sunroof"], inStockSince: new Date("2026-10-01"), ...over,
});

describe("assessUnit", () => {
  it("explains every rule a fitting unit meets, with the out-the-door total from the dealer's defaults", () => {
    const a = assessUnit(request, unit(), defaults);
    expect(a.fits).toBe(true);
    // 28,000 + 499 doc fee = 28,499; tax 8% = 2,279.92; OTD 30,778.92
    expect(a.otdCents).toBe(3_077_892);
    expect(a.reasons).toEqual([
      "SUV, as asked",
      "Used, as asked",
      "Toyota, one of the makes asked",
      "2022, within 2020–2024",
      "30,000 mi, under 60,000 mi",
      "Has AWD",
      "$30,779 out the door, within the $35,000 budget",
    ]);
  });

  it("names each rule a unit breaks", () => {
    const a = assessUnit(request, unit({ make: "Ford", year: 2018, mileage: 90_000, features: [], condition: "NEW", bodyType: "TRUCK" }), defaults);
    expect(a.fits).toBe(false);
    expect(a.misses).toHaveLength(6);
    expect(a.misses).toContain("Lacks AWD");
    expect(a.misses).toContain("2018 is outside 2020–2024");
  });

  it("counts fees and tax against the budget, not only the list price", () => {
    // 33,000 list is under 35,000, but 33,000 + 499 + 8% tax is 36,179 out the door.
    expect(assessUnit(request, unit({ priceCents: 3_300_000 }), defaults).fits).toBe(false);
  });

  it("fits a monthly target by the estimated payment when there is no price budget", () => {
    const r = { ...request, maxPriceCents: null, maxMonthlyCents: 60_000, termMonths: 60, downPaymentCents: 500_000 };
    const a = assessUnit(r, unit(), defaults);
    expect(a.fits).toBe(true);
    expect(a.monthlyCents).toBeGreaterThan(40_000);
    expect(a.monthlyCents).toBeLessThan(60_000);
    expect(a.reasons.at(-1)).toMatch(/^About \$\d{3}\/mo \(estimated at 8\.5% APR over 60 months\), within the \$600\/mo target$/);
    expect(assessUnit({ ...r, maxMonthlyCents: 30_000 }, unit(), defaults).fits).toBe(false);
  });

  it("a discount can bring a unit into the budget", () => {
    const u = unit({ priceCents: 3_300_000 });
    expect(assessUnit(request, u, defaults, 0).fits).toBe(false);
    expect(assessUnit(request, u, defaults, 1_000).fits).toBe(true);
  });
});

describe("rankUnits", () => {
  it("leaves out units that do not fit and orders the rest by out-the-door total, then mileage", () => {
    const cheap = unit({ priceCents: 2_500_000, mileage: 50_000 });
    const sameLowMiles = unit({ priceCents: 2_500_000, mileage: 10_000 });
    const dear = unit({ priceCents: 3_000_000 });
    const wrong = unit({ make: "Kia" });
    const ranked = rankUnits(request, [dear, wrong, cheap, sameLowMiles], defaults);
    expect(ranked.map((r) => r.unit.id)).toEqual([sameLowMiles.id, cheap.id, dear.id]);
  });

  it("puts the model the buyer named first, and keeps at most the limit", () => {
    const rav = unit({ model: "RAV4", priceCents: 3_000_000 });
    const crv = unit({ make: "Honda", model: "CR-V", priceCents: 2_000_000 });
    const others = [unit(), unit(), unit()];
    const ranked = rankUnits({ ...request, model: "rav4" }, [crv, ...others, rav], defaults, 3);
    expect(ranked).toHaveLength(3);
    expect(ranked.every((r) => r.unit.model === "RAV4")).toBe(true);
    expect(rankUnits({ ...request, model: "cr-v" }, [rav, crv], defaults)[0]!.unit.id).toBe(crv.id);
  });

  it("returns nothing from an empty lot", () => {
    expect(rankUnits(request, [], defaults)).toEqual([]);
  });
});
