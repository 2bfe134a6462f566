import type { DealerApiCaller } from "~/modules/lender-api/api-keys";
import { db } from "~/server/db";
import { isUniqueViolation } from "~/server/errors";
import { replayStored, storeResponse, type StoredResponse } from "~/server/rest/idempotency";
import { applyRows } from "./apply-rows";
import { loadPlan } from "./load-plan";
import type { InventoryRow, BadRow } from "./validate-row";

export type UpsertInput = { rows: InventoryRow[]; bad: BadRow[]; received: number; fullFeed: boolean; idempotencyKey: string; requestHash: string };

const rejected = (bad: BadRow[]) => bad.map((b) => ({ row: b.line, vin: b.vin, reason: b.reason }));
const refused = (bad: BadRow[]) => bad.flatMap((b) => (b.vin ? [b.vin] : []));

/**
 * The inventory API's write (JSON or CSV, already turned into rows): the CSV import's applyRows, under an
 * idempotency key stored in the same transaction. Same key + same request → the stored response; same key
 * + another request → 422; two first calls race on the (apiKey, key) index and the loser replays. A test
 * key only plans: it says what a live key would do and writes nothing, not even the key.
 */
export async function upsertInventory(caller: DealerApiCaller, input: UpsertInput): Promise<StoredResponse> {
  const { dealerId } = caller;
  const base = { received: input.received, rejected: rejected(input.bad) };
  if (caller.mode === "TEST") {
    const plan = await db.$transaction((tx) => loadPlan(tx, dealerId, input.rows, input.fullFeed, refused(input.bad)), { isolationLevel: "RepeatableRead" });
    const body = { dryRun: true, ...base, added: plan.add.length, updated: plan.update.length, unchanged: plan.unchanged, markedSold: plan.markSold.length };
    return { status: 200, body, replayed: false };
  }
  const prior = await replayStored(caller.keyId, input.idempotencyKey, input.requestHash);
  if (prior) return prior;
  try {
    return await db.$transaction(
      async (tx) => {
        const result = await applyRows(tx, dealerId, input.rows, input.fullFeed, refused(input.bad));
        const body = { dryRun: false, ...base, ...result };
        await storeResponse(tx, caller.keyId, input.idempotencyKey, input.requestHash, 200, body);
        return { status: 200, body, replayed: false };
      },
      { maxWait: 20_000, timeout: 120_000 },
    );
  } catch (e) {
    if (isUniqueViolation(e)) {
      const again = await replayStored(caller.keyId, input.idempotencyKey, input.requestHash);
      if (again) return again;
    }
    throw e;
  }
}
