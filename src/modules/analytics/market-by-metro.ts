import { db } from "~/server/db";

export const MARKET_DAYS = 30;

type MetroRow = { city: string; state: string; requests: number; matched: number; quoted: number; accepted: number; medianFirstQuoteSeconds: number | null };

/**
 * The admin's market view: requests posted in the last 30 days, by the request's city and state (the
 * demo's metros are Phoenix, Dallas and Atlanta). Match rate = requests that reached at least one dealer
 * ÷ requests; time to first quote = the median, over requests that got a quote, of the first quote on any
 * of its leads − the request's posting; acceptance rate = requests with a deal ÷ requests. Reads the
 * window's requests through Request_createdAt_idx and each one's leads through Lead_requestId_dealerId_key.
 */
export async function marketByMetro(now = new Date()) {
  const since = new Date(now.getTime() - MARKET_DAYS * 86_400_000);
  const rows = await db.$queryRaw<MetroRow[]>`
    SELECT r."city", r."state",
      count(*)::int AS "requests",
      (count(*) FILTER (WHERE r."matchedCount" > 0))::int AS "matched",
      count(fq."secs")::int AS "quoted",
      count(d."id")::int AS "accepted",
      (percentile_disc(0.5) WITHIN GROUP (ORDER BY fq."secs"))::int AS "medianFirstQuoteSeconds"
    FROM "Request" r
    LEFT JOIN LATERAL (
      SELECT EXTRACT(EPOCH FROM (min(l."firstQuoteAt") - r."createdAt"))::int AS "secs" FROM "Lead" l WHERE l."requestId" = r."id"
    ) fq ON true
    LEFT JOIN "Deal" d ON d."requestId" = r."id"
    WHERE r."createdAt" >= ${since}
    GROUP BY r."state", r."city"
    ORDER BY count(*) DESC, r."state", r."city"
    LIMIT 100`;
  const bps = (a: number, b: number) => (b ? Math.round((a * 10_000) / b) : null);
  return {
    asOf: now,
    since,
    metros: rows.map((r) => ({ ...r, matchRateBps: bps(r.matched, r.requests), acceptanceRateBps: bps(r.accepted, r.requests) })),
  };
}
