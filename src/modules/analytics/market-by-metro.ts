import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";

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

/** How often the recurring job recomputes the snapshot, and how old a snapshot the page still shows as is. */
export const MARKET_REFRESH_MS = 10 * 60_000;
const MARKET_STALE_MS = 2 * MARKET_REFRESH_MS;

type MarketView = Awaited<ReturnType<typeof marketByMetro>>;

/** Computes the market and replaces the snapshot with it, in one transaction: readers see the old set or the new. */
export async function refreshMarketSnapshot(now = new Date()): Promise<MarketView> {
  const m = await marketByMetro(now);
  await db.$transaction(async (tx) => {
    // Two refreshes at once (the job and a page visit) replace one after the other; without the lock both
    // could delete only the old rows and leave two sets.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('keyturn.market-snapshot'))`;
    await tx.marketMetroSnapshot.deleteMany({});
    await tx.marketMetroSnapshot.createMany({
      data: m.metros.map((r) => ({
        city: r.city, state: r.state, requests: r.requests, matched: r.matched, quoted: r.quoted, accepted: r.accepted,
        medianFirstQuoteSeconds: r.medianFirstQuoteSeconds, sinceAt: m.since, computedAt: now,
      })),
    });
  });
  return m;
}

/**
 * What the admin's page shows: the snapshot (at most 100 rows, whatever the market's size), as of when it
 * was computed. With no worker running for a while (a fresh install, the demo's first visit), the snapshot
 * is missing or stale and is computed here once; a market with no requests at all has no rows, and is
 * cheap to count.
 */
export async function marketView(now = new Date()): Promise<MarketView> {
  const rows = await db.marketMetroSnapshot.findMany({
    orderBy: [{ requests: "desc" }, { state: "asc" }, { city: "asc" }],
    take: 100,
    select: { city: true, state: true, requests: true, matched: true, quoted: true, accepted: true, medianFirstQuoteSeconds: true, sinceAt: true, computedAt: true },
  });
  const computedAt = rows[0]?.computedAt;
  if (!computedAt || now.getTime() - computedAt.getTime() > MARKET_STALE_MS) return refreshMarketSnapshot(now);
  const bps = (a: number, b: number) => (b ? Math.round((a * 10_000) / b) : null);
  return {
    asOf: computedAt,
    since: rows[0]!.sinceAt,
    metros: rows.map(({ sinceAt: _s, computedAt: _c, ...r }) => ({ ...r, matchRateBps: bps(r.matched, r.requests), acceptanceRateBps: bps(r.accepted, r.requests) })),
  };
}

export const refreshMarketJob = defineJob({
  id: "analytics.refresh-market",
  schema: z.object({}).strict(),
  everyMs: MARKET_REFRESH_MS,
  handler: async () => {
    await refreshMarketSnapshot();
  },
});
