import { describe, expect, it } from "vitest";
import { vinMaker, vinModelYear, vinProblem } from "~/modules/vehicles/vin";
import { demoStock } from "./demo-stock";

const seeded = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const dealer = { id: "d1", makes: ["Toyota", "Ford", "BMW"], bodyTypes: ["SUV", "TRUCK"] as ("SUV" | "TRUCK")[], sellsNew: true, sellsUsed: true, minPriceCents: 1_000_000, maxPriceCents: 6_000_000 };
const now = new Date("2026-12-03T00:00:00Z");

describe("demoStock", () => {
  it("makes 20–60 units of what the dealer sells, priced in its range, with VINs that decode to their make and year", () => {
    const units = demoStock(dealer, seeded(7), now);
    expect(units.length).toBeGreaterThanOrEqual(20);
    expect(units.length).toBeLessThanOrEqual(60);
    for (const u of units) {
      expect(vinProblem(u.vin)).toBeNull();
      expect(vinModelYear(u.vin)).toBe(u.year);
      expect(vinMaker(u.vin)).toBe(u.make);
      expect(dealer.makes).toContain(u.make);
      expect(dealer.bodyTypes).toContain(u.bodyType);
      expect(u.priceCents).toBeGreaterThanOrEqual(dealer.minPriceCents - 500);
      expect(u.priceCents).toBeLessThanOrEqual(dealer.maxPriceCents);
      expect(Number.isInteger(u.priceCents)).toBe(true);
    }
    expect(new Set(units.map((u) => u.vin)).size).toBe(units.length);
  });

  it("is deterministic for a seed, and sells only the conditions the dealer does", () => {
    expect(demoStock(dealer, seeded(3), now)).toEqual(demoStock(dealer, seeded(3), now));
    expect(demoStock({ ...dealer, sellsNew: false }, seeded(3), now).every((u) => u.condition !== "NEW")).toBe(true);
  });
});

describe("demoStock fallback", () => {
  it("still stocks a dealer whose makes build none of its body types", () => {
    expect(demoStock({ ...dealer, makes: ["Ram"], bodyTypes: ["SEDAN"] as never }, seeded(5), now).length).toBeGreaterThanOrEqual(20);
  });
});
