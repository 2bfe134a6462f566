import { db } from "~/server/db";
import { responseStats, WINDOW_DAYS } from "./response-stats";

/**
 * The dealer's own speed to quote, computed from its leads of the last 90 days as it is asked for (the
 * stored copy on Dealer is for buyers' inboxes and can lag). Reads only this dealer's leads in the window,
 * through Lead_dealerId_createdAt_idx.
 */
export async function getDealerSpeed(dealerId: string, now = new Date()) {
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const rows = await db.lead.findMany({ where: { dealerId, createdAt: { gte: since } }, select: { createdAt: true, firstQuoteAt: true } });
  return { ...responseStats(rows, now), windowDays: WINDOW_DAYS, asOf: now };
}
