import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { responseStats, WINDOW_DAYS } from "./response-stats";

/**
 * Recomputes one dealer's speed to quote over its last 90 days of leads and stores it on the dealer, so
 * a buyer's inbox reads one row per quoting dealer. Enqueued with each lead's first quote; running it
 * twice writes the same figures. It reads the dealer's own leads in the window through
 * Lead_dealerId_createdAt_idx, never the whole table.
 */
export async function refreshResponseStats(dealerId: string, now = new Date()) {
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const rows = await db.lead.findMany({ where: { dealerId, createdAt: { gte: since } }, select: { createdAt: true, firstQuoteAt: true } });
  const s = responseStats(rows, now);
  await db.dealer.update({
    where: { id: dealerId },
    data: { responseMedianSeconds: s.medianSeconds, responseP90Seconds: s.p90Seconds, responseWithin5mBps: s.within5mBps, responseSampleSize: s.quoted, responseStatsAt: now },
    select: { id: true },
  });
  return s;
}

export const refreshResponseStatsJob = defineJob({
  id: "dealers.refresh-response-stats",
  // Bookkeeping after a quote, like telling people about it: kept out of the general pool, where the
  // buyer's pre-approvals run (a burst of first quotes queued one refresh each ahead of them).
  pool: "notifications",
  schema: z.object({ dealerId: z.string() }),
  maxAttempts: 5,
  handler: async ({ dealerId }) => {
    await refreshResponseStats(dealerId);
  },
});
