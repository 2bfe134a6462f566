import type { Prisma } from "~/generated/prisma/client";
import { planImport } from "./plan-import";
import { importCompareSelect } from "./selects";
import type { InventoryRow } from "./validate-row";

export const BATCH = 500;

export const chunks = <T>(xs: T[], n = BATCH) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Reads the dealer's units the file names (in batches, so a 10,000-row file is 20 small queries) and plans. */
export async function loadPlan(tx: Prisma.TransactionClient, dealerId: string, rows: InventoryRow[], fullFeed: boolean, refusedVins: string[] = []) {
  const existing = [];
  for (const part of chunks(rows)) {
    existing.push(...(await tx.inventoryUnit.findMany({ where: { dealerId, vin: { in: part.map((r) => r.vin) } }, select: importCompareSelect })));
  }
  const available = fullFeed ? await tx.inventoryUnit.findMany({ where: { dealerId, status: "AVAILABLE" }, select: { id: true, vin: true } }) : [];
  return planImport(rows, existing, available, fullFeed, refusedVins);
}
