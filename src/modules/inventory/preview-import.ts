import { db } from "~/server/db";
import type { Actor } from "~/server/auth/actor";
import { dealerIdOf } from "./access";
import type { InventoryField } from "./columns";
import { loadPlan } from "./load-plan";
import { parseInventoryFile, refusedVins } from "./parse-file";

export type ImportInput = { actor: Actor | null; file: Uint8Array; fullFeed: boolean; mapping?: Record<string, InventoryField> };

/** What an import would do, and every bad row with its reason. Writes nothing. */
export async function previewImport({ actor, file, fullFeed, mapping }: ImportInput) {
  const dealerId = dealerIdOf(actor);
  const parsed = parseInventoryFile(file, mapping);
  // One snapshot, so the counts agree with each other even while the dealer edits a price.
  const plan = await db.$transaction((tx) => loadPlan(tx, dealerId, parsed.rows, fullFeed, refusedVins(parsed.bad)), { isolationLevel: "RepeatableRead", timeout: 60_000 });
  return {
    rows: parsed.total,
    add: plan.add.length,
    update: plan.update.length,
    unchanged: plan.unchanged,
    markSold: plan.markSold.length,
    bad: parsed.bad,
  };
}
