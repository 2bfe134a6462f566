import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";

/** Days of lead counters kept: matching reads only today's; a few more help when a dealer asks why. */
export const LEAD_DAYS_KEPT = 7;

const BATCH = 5_000;

/**
 * Deletes the daily-cap counters (DealerLeadDay) older than `keepDays` UTC days, in batches taken oldest
 * first from DealerLeadDay_day_idx. So each run reads the due rows only: a plain DELETE was planned as a
 * scan of the whole table (the week of live counters and every dead row), 10x slower at a million leads.
 * Returns how many went.
 */
export async function pruneLeadDays(keepDays = LEAD_DAYS_KEPT): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM "DealerLeadDay" WHERE ("dealerId", "day") IN (
        SELECT "dealerId", "day" FROM "DealerLeadDay" WHERE "day" < (now() AT TIME ZONE 'UTC')::date - ${keepDays}::int
        ORDER BY "day" LIMIT ${BATCH})`;
    total += n;
    if (n < BATCH) return total;
  }
}

export const pruneLeadDaysJob = defineJob({
  id: "matching.prune-lead-days",
  schema: z.object({}).strict(),
  everyMs: 24 * 60 * 60 * 1000,
  handler: async () => {
    await pruneLeadDays();
  },
});
