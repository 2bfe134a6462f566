import { db } from "~/server/db";
import { dealerIdOf } from "./access";
import { applyRows } from "./apply-rows";
import { parseInventoryFile, refusedVins } from "./parse-file";
import type { ImportInput } from "./preview-import";

/**
 * Writes the file's good rows in one transaction, so a failure leaves the stock as it was. It re-plans
 * inside the transaction rather than trusting an earlier preview.
 */
export async function commitImport({ actor, file, fullFeed, mapping }: ImportInput) {
  const dealerId = dealerIdOf(actor);
  const parsed = parseInventoryFile(file, mapping);
  const result = await db.$transaction((tx) => applyRows(tx, dealerId, parsed.rows, fullFeed, refusedVins(parsed.bad)), { maxWait: 20_000, timeout: 120_000 });
  return { rows: parsed.total, ...result, bad: parsed.bad };
}
