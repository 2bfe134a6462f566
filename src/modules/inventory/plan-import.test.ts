import { describe, expect, it } from "vitest";
import { planImport, type ExistingUnit } from "./plan-import";
import { parseInventoryFile } from "./parse-file";
import { csvFile, csvRow, vin2024 } from "./test-csv";

const rows = parseInventoryFile(csvFile([csvRow(1), csvRow(2), csvRow(3)])).rows;
const asExisting = (i: number, over: Partial<ExistingUnit> = {}): ExistingUnit => {
  const { line: _l, ...data } = rows[i]!;
  return { id: `u${i}`, ...data, status: "AVAILABLE", ...over };
};

describe("planImport", () => {
  it("adds new VINs, updates changed ones and leaves identical ones alone", () => {
    const plan = planImport(rows, [asExisting(0), asExisting(1, { priceCents: 1 })], [], false);
    expect(plan.add.map((u) => u.vin)).toEqual([vin2024(3)]);
    expect(plan.update.map((u) => u.id)).toEqual(["u1"]);
    expect(plan.unchanged).toBe(1);
    expect(plan.markSold).toEqual([]);
  });

  it("counts a changed date or feature list as a change", () => {
    const plan = planImport(rows.slice(0, 2), [asExisting(0, { inStockSince: new Date("2020-01-01") }), asExisting(1, { features: ["AWD"] })], [], false);
    expect(plan.update).toHaveLength(2);
  });

  it("marks only available units missing from a full feed", () => {
    const plan = planImport(rows.slice(0, 1), [asExisting(0)], [{ id: "u0", vin: vin2024(1) }, { id: "gone", vin: "X" }], true);
    expect(plan.markSold).toEqual(["gone"]);
    expect(planImport(rows.slice(0, 1), [], [{ id: "gone", vin: "X" }], false).markSold).toEqual([]);
    // A row refused for a typo still names its unit: it is in the feed, not sold.
    expect(planImport(rows.slice(0, 1), [asExisting(0)], [{ id: "u0", vin: vin2024(1) }, { id: "typo", vin: "Y" }], true, ["Y"]).markSold).toEqual([]);
  });
});
