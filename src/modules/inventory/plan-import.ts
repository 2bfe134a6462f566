import type { Prisma } from "~/generated/prisma/client";
import type { importCompareSelect } from "./selects";
import type { InventoryRow } from "./validate-row";

export type ExistingUnit = Prisma.InventoryUnitGetPayload<{ select: typeof importCompareSelect }>;
export type UnitData = Omit<InventoryRow, "line">;
/** An update also says what the open quotes on the unit must hear: its price moved, or it was sold. */
export type UnitUpdate = { id: string; data: UnitData; priceChanged: boolean; sold: boolean };
export type ImportPlan = { add: UnitData[]; update: UnitUpdate[]; unchanged: number; markSold: string[] };

const COMPARED = ["stockNumber", "condition", "year", "make", "model", "trim", "bodyType", "mileage", "priceCents", "msrpCents", "exteriorColor"] as const;

function same(a: ExistingUnit, b: UnitData) {
  return (
    COMPARED.every((k) => a[k] === b[k]) &&
    (a.inStockSince?.getTime() ?? null) === (b.inStockSince?.getTime() ?? null) &&
    a.features.length === b.features.length &&
    a.features.every((f, i) => f === b.features[i]) &&
    // A CSV row never names a status; only the API's rows may.
    (b.status === undefined || a.status === b.status)
  );
}

/**
 * What an import would do, decided from the file's good rows and the dealer's current units. Pure, so
 * preview and commit decide the same way. An unchanged row is left alone, which keeps a re-import a no-op
 * (updatedAt included). With fullFeed, available units absent from the file are the ones sold since; a
 * unit whose row was refused (`refusedVins`, a typo in its price, say) is still in the feed, not sold.
 */
export function planImport(rows: InventoryRow[], existing: ExistingUnit[], available: { id: string; vin: string }[], fullFeed: boolean, refusedVins: string[] = []): ImportPlan {
  const byVin = new Map(existing.map((u) => [u.vin, u]));
  const plan: ImportPlan = { add: [], update: [], unchanged: 0, markSold: [] };
  for (const { line: _line, ...data } of rows) {
    const unit = byVin.get(data.vin);
    if (!unit) plan.add.push(data);
    else if (same(unit, data)) plan.unchanged++;
    else plan.update.push({ id: unit.id, data, priceChanged: unit.priceCents !== data.priceCents, sold: data.status === "SOLD" && unit.status !== "SOLD" });
  }
  if (fullFeed) {
    const inFile = new Set([...rows.map((r) => r.vin), ...refusedVins]);
    plan.markSold = available.filter((u) => !inFile.has(u.vin)).map((u) => u.id);
  }
  return plan;
}
