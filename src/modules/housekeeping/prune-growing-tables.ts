import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { PRUNE_BATCH, PRUNE_MAX_BATCHES, retentionCutoffs } from "./retention-rules";

export type PruneCounts = { rateLimit: number; idempotency: number; liveEvent: number; notification: number; relayInbound: number };

/** Runs one batched DELETE until it deletes less than a batch (or the run's batch budget is spent). */
async function drain(deleteBatch: () => Promise<number>) {
  let total = 0;
  for (let i = 0; i < PRUNE_MAX_BATCHES; i++) {
    const n = await deleteBatch();
    total += n;
    if (n < PRUNE_BATCH) break;
  }
  return total;
}

/**
 * Deletes the rows of rate-limit windows, idempotency records, live events, notifications and the mail relay's log that are
 * past their retention (retention-rules.ts). Each DELETE takes the oldest due rows through an index on
 * their age column (prisma/sql/50_growth.sql), so a sweep reads only due rows however large the table.
 * Returns how many rows went from each table.
 */
export async function pruneGrowingTables(now = new Date()): Promise<PruneCounts> {
  const c = retentionCutoffs(now);
  return {
    rateLimit: await drain(() => db.$executeRaw`
      DELETE FROM "RateLimit" WHERE "key" IN (SELECT "key" FROM "RateLimit" WHERE "windowStart" < ${c.rateLimit} LIMIT ${PRUNE_BATCH})`),
    idempotency: await drain(() => db.$executeRaw`
      DELETE FROM "IdempotencyRecord" WHERE "id" IN (SELECT "id" FROM "IdempotencyRecord" WHERE "createdAt" < ${c.idempotency} LIMIT ${PRUNE_BATCH})`),
    liveEvent: await drain(() => db.$executeRaw`
      DELETE FROM "LiveEvent" WHERE "id" IN (SELECT "id" FROM "LiveEvent" WHERE "createdAt" < ${c.liveEvent} LIMIT ${PRUNE_BATCH})`),
    notification: await drain(() => db.$executeRaw`
      DELETE FROM "Notification" WHERE "id" IN (SELECT "id" FROM "Notification" WHERE "createdAt" < ${c.notification} LIMIT ${PRUNE_BATCH})`),
    relayInbound: await drain(() => db.$executeRaw`
      DELETE FROM "RelayInbound" WHERE "id" IN (SELECT "id" FROM "RelayInbound" WHERE "createdAt" < ${c.relayInbound} LIMIT ${PRUNE_BATCH})`),
  };
}

/** Hourly; the worker keeps one run queued (JobDefinition.everyMs). */
export const pruneGrowingTablesJob = defineJob({
  id: "housekeeping.prune-growing-tables",
  schema: z.object({}).strict(),
  everyMs: 60 * 60 * 1000,
  handler: async () => {
    await pruneGrowingTables();
  },
});
