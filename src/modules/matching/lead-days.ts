import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";

/** Days of lead counters kept: matching reads only today's; a few more help when a dealer asks why. */
export const LEAD_DAYS_KEPT = 7;

/** Deletes the daily-cap counters (DealerLeadDay) older than `keepDays` UTC days. Returns how many went. */
export async function pruneLeadDays(keepDays = LEAD_DAYS_KEPT): Promise<number> {
  return db.$executeRaw`DELETE FROM "DealerLeadDay" WHERE "day" < (now() AT TIME ZONE 'UTC')::date - ${keepDays}::int`;
}

export const pruneLeadDaysJob = defineJob({
  id: "matching.prune-lead-days",
  schema: z.object({}).strict(),
  everyMs: 24 * 60 * 60 * 1000,
  handler: async () => {
    await pruneLeadDays();
  },
});
