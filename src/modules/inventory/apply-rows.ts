import type { Prisma } from "~/generated/prisma/client";
import { flagQuotesForUnits, type UnitChangeEvent } from "~/modules/quotes/flag-unit-quotes";
import { chunks, loadPlan } from "./load-plan";
import { insertUnitsBatch, markSoldBatch, updateUnitsBatch } from "./write-units";
import type { InventoryRow } from "./validate-row";

/**
 * Writes validated rows into a dealer's stock inside the caller's transaction: the CSV import and the
 * inventory API share it, so both decide and write the same way. Every statement is set-based (one per
 * 500 rows), and the open quotes on units that were repriced or sold are flagged in this same
 * transaction, so a buyer never sees a price the stock no longer has.
 */
export async function applyRows(tx: Prisma.TransactionClient, dealerId: string, rows: InventoryRow[], fullFeed: boolean, refusedVins: string[] = []) {
  // Two imports of one dealer at once would both plan an insert of the same VIN; the second waits here.
  await tx.$queryRaw`SELECT 1 FROM "Dealer" WHERE "id" = ${dealerId} FOR UPDATE`;
  const plan = await loadPlan(tx, dealerId, rows, fullFeed, refusedVins);
  for (const part of chunks(plan.add)) await insertUnitsBatch(tx, dealerId, part);
  for (const part of chunks(plan.update)) await updateUnitsBatch(tx, dealerId, part);
  const sold: string[] = [];
  for (const part of chunks(plan.markSold)) sold.push(...(await markSoldBatch(tx, dealerId, part)));
  const events: UnitChangeEvent[] = [
    ...plan.update.filter((u) => u.sold).map((u) => ({ unitId: u.id, change: "SOLD" as const })),
    ...plan.update.filter((u) => u.priceChanged && !u.sold).map((u) => ({ unitId: u.id, change: "PRICE_CHANGED" as const })),
    ...sold.map((unitId) => ({ unitId, change: "SOLD" as const })),
  ];
  for (const part of chunks(events)) await flagQuotesForUnits(tx, part);
  return { added: plan.add.length, updated: plan.update.length, unchanged: plan.unchanged, markedSold: sold.length };
}
