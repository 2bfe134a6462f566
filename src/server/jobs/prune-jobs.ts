import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";

export const DONE_JOBS_KEPT_HOURS = 24;
export const DEAD_JOBS_KEPT_DAYS = 14;

/**
 * Keeps the outbox flat: done jobs go after a day, dead ones (kept to be looked at) after two weeks,
 * and heartbeats of workers gone for a day. In batches, so no one statement holds many locks.
 * Returns how many jobs went.
 */
export async function pruneJobs(batch = 5000, maxBatches = 100): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await db.$executeRaw`
      DELETE FROM "Job" WHERE "id" IN (
        SELECT "id" FROM "Job"
        WHERE ("status" = 'DONE' AND "doneAt" < now() - make_interval(hours => ${DONE_JOBS_KEPT_HOURS}))
           OR ("status" = 'DEAD' AND "createdAt" < now() - make_interval(days => ${DEAD_JOBS_KEPT_DAYS}))
        LIMIT ${batch})`;
    total += n;
    if (n < batch) break;
  }
  await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "seenAt" < now() - interval '1 day'`;
  return total;
}

export const pruneJobsJob = defineJob({
  id: "jobs.prune",
  schema: z.object({}).strict(),
  everyMs: 60 * 60 * 1000,
  handler: async () => {
    await pruneJobs();
  },
});
