import { describe, expect, it } from "vitest";
import { issuesToFields } from "~/lib/format";
import { createRequestInput } from "./schemas";

const ok = { bodyType: "SUV", condition: "NEW", makes: ["Toyota"], maxPriceCents: 4_000_000, downPaymentCents: 0, wantsFinancing: true, zip: "85004", radiusMiles: 25, timeline: "ASAP" };
const fields = (v: unknown) => {
  const r = createRequestInput.safeParse(v);
  return r.success ? {} : issuesToFields(r.error.issues);
};

describe("createRequestInput (shared by the form and the server)", () => {
  it("accepts a complete request and fills defaults", () => {
    const r = createRequestInput.parse(ok);
    expect(r).toMatchObject({ features: [], shareCredit: false });
  });

  it("puts each budget problem on the field to change", () => {
    expect(fields({ ...ok, maxPriceCents: undefined })).toEqual({ maxPriceCents: "Give a maximum price, a monthly payment, or both." });
    expect(fields({ ...ok, maxMonthlyCents: 45_000 })).toEqual({ termMonths: "A monthly target needs a loan term." });
    expect(fields({ ...ok, maxMonthlyCents: 45_000, termMonths: 60 })).toEqual({});
    expect(fields({ ...ok, termMonths: 61 })).toEqual({ termMonths: "Pick a loan term from the list." });
    expect(fields({ ...ok, downPaymentCents: 4_000_001 })).toEqual({ downPaymentCents: "The down payment cannot be more than the maximum price." });
  });

  it("checks years, ZIP shape, trade-in completeness, duplicates and unknown keys", () => {
    expect(fields({ ...ok, yearMin: 2025, yearMax: 2020 })).toHaveProperty("yearMax");
    expect(fields({ ...ok, yearMin: 1950 })).toHaveProperty("yearMin");
    expect(fields({ ...ok, zip: "8500" })).toEqual({ zip: "Enter a 5-digit ZIP code." });
    expect(Object.keys(fields({ ...ok, tradeInMake: "Honda" })).sort()).toEqual(["tradeInMileage", "tradeInModel", "tradeInYear"]);
    expect(fields({ ...ok, makes: ["Toyota", "toyota"] })).toHaveProperty("makes");
    expect(createRequestInput.safeParse({ ...ok, status: "ACCEPTED" }).success).toBe(false);
    expect(createRequestInput.safeParse({ ...ok, maxPriceCents: 1_000_000.5 }).success).toBe(false);
  });
});
