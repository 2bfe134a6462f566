import { db } from "~/server/db";
import { dealerIdOf } from "./access";
import { chunks, loadPlan } from "./load-plan";
import { parseInventoryFile } from "./parse-file";
import type { ImportInput } from "./preview-import";

/**
 * Writes the file's good rows: an upsert on (dealerId, vin), all in one transaction, so a failure leaves
 * the stock as it was. It re-plans inside the transaction rather than trusting an earlier preview.
 */
export async function commitImport({ actor, file, fullFeed, mapping }: ImportInput) {
  const dealerId = dealerIdOf(actor);
  const parsed = parseInventoryFile(file, mapping);
  const plan = await db.$transaction(
    async (tx) => {
      // Two imports of one dealer at once would both plan an insert of the same VIN; the second waits here.
      await tx.$queryRaw`SELECT 1 FROM "Dealer" WHERE "id" = ${dealerId} FOR UPDATE`;
      const plan = await loadPlan(tx, dealerId, parsed.rows, fullFeed);
      for (const part of chunks(plan.add)) await tx.inventoryUnit.createMany({ data: part.map((u) => ({ ...u, dealerId })) });
      for (const part of chunks(plan.update)) {
        // Only changed rows are here, so @updatedAt moves exactly for units the file changed.
        for (const { id, data } of part) await tx.inventoryUnit.update({ where: { id }, data, select: { id: true } });
      }
      for (const part of chunks(plan.markSold)) await tx.inventoryUnit.updateMany({ where: { id: { in: part }, dealerId, status: "AVAILABLE" }, data: { status: "SOLD" } });
      return plan;
    },
    { maxWait: 20_000, timeout: 120_000 },
  );
  return { rows: parsed.total, added: plan.add.length, updated: plan.update.length, unchanged: plan.unchanged, markedSold: plan.markSold.length, bad: parsed.bad };
}
