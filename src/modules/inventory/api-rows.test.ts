import { describe, expect, it } from "vitest";
import { apiUnitsToRows } from "./api-rows";
import type { ApiUnitInput } from "./api-schemas";
import { vin2024 } from "./test-csv";

const unit = (over: Partial<ApiUnitInput> = {}): ApiUnitInput => ({ vin: vin2024(1), condition: "NEW", year: 2024, make: "Honda", model: "Accord", priceCents: 3_199_550, ...over });

describe("apiUnitsToRows", () => {
  it("reads a unit exactly, cents included, with features as sent and the status if given", () => {
    const { rows, bad } = apiUnitsToRows([unit({ features: ["Heated seats, front", "AWD", "AWD"], status: "PENDING", bodyType: "SUV", msrpCents: 3_300_001, inStockSince: "2026-11-02" })]);
    expect(bad).toEqual([]);
    expect(rows[0]).toMatchObject({ vin: vin2024(1), priceCents: 3_199_550, msrpCents: 3_300_001, bodyType: "SUV", mileage: 0, features: ["Heated seats, front", "AWD"], status: "PENDING", inStockSince: new Date("2026-11-02") });
    expect("status" in apiUnitsToRows([unit()]).rows[0]!).toBe(false);
  });

  it("refuses a unit for the same reasons as a CSV row, by its index, and a repeated VIN", () => {
    const { rows, bad } = apiUnitsToRows([
      unit(), unit({ vin: vin2024(2), year: 2019 }), unit({ vin: "1HGCV1F30RA00000X" }), unit({ vin: vin2024(3), priceCents: 0 }),
      unit({ vin: vin2024(4), priceCents: -100 }), unit({ vin: vin2024(5), condition: "USED" }), unit(),
    ]);
    expect(rows.map((r) => r.vin)).toEqual([vin2024(1)]);
    expect(bad.map((b) => [b.line, b.reason.split(/[ :]/)[0]])).toEqual([[1, "Year"], [2, expect.any(String)], [3, "Missing"], [4, "Price"], [5, "Missing"], [6, "Duplicate"]]);
  });
});
