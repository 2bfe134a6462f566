import { createHash } from "node:crypto";
import { z } from "zod";
import { db, sql, sqlTransaction, type SqlClient } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { enqueue, enqueueMany } from "~/server/jobs/queue";
import { publishMany, topics } from "~/server/realtime";
import { findEligibleDealers } from "./eligible-dealers";
import { NOTIFY_DEALERS_QUEUE } from "./notify-dealers.job";
import { CRM_PLAN_LEADS_QUEUE } from "~/modules/crm/queues";
import type { MatchRequest } from "./eligibility";

/** The automatic-quote job's queue (modules/quotes/auto-quote.job.ts), named here so fan-out does not load quoting. */
export const AUTO_QUOTE_QUEUE = "quotes.auto-quote";

/** How the buyer appears to one dealer: stable per dealer, different across dealers, so dealers cannot correlate. */
export function buyerAlias(requestId: string, dealerId: string): string {
  return `Buyer ${createHash("sha256").update(`${requestId}:${dealerId}`).digest("hex").slice(0, 4).toUpperCase()}`;
}

// The request as fan-out reads it: what matching needs, plus whose it is and whether it still wants leads
// ("open" and "done" are decided in SQL, against the database clock: timestamps are stored as UTC).
type MatchedRequest = MatchRequest & { id: string; customerId: string; version: number; lat: number; lng: number; open: boolean; done: boolean };

export type FanOutResult = { matched: number; created: number; skipped?: "not-open" | "already-done" };

/**
 * Creates one lead per matching dealer. Matching is a read and runs first, outside any transaction, so
 * no row is locked while it runs. Then one transaction locks the request row, so two runs never
 * interleave, checks that the request has not been edited since it was matched (else it matches again),
 * and inserts every lead; a run that dies midway rolls back whole and is redone by the job's retry.
 * A repeated run adds nothing: it skips dealers that already hold a lead on the request, and the unique
 * (requestId, dealerId) index stands behind that.
 * `hooks.beforeCommit` lets tests kill a run after its inserts.
 */
export async function fanOutRequest(requestId: string, hooks: { beforeCommit?: () => Promise<void> } = {}): Promise<FanOutResult> {
  for (let attempt = 1; ; attempt++) {
    const { rows: [r] } = await sql.query<MatchedRequest>({
      name: "fan-out.read",
      text: `SELECT "id", "customerId", "version", "bodyType", "condition", "makes", "maxPriceCents", "maxMonthlyCents", "termMonths", "downPaymentCents",
                    "lat", "lng", "radiusMiles", "maxFeesCents",
                    ("status" = 'OPEN' AND "expiresAt" > now() AT TIME ZONE 'UTC') AS "open", "fannedOutAt" IS NOT NULL AS "done"
             FROM "Request" WHERE "id" = $1`,
      values: [requestId],
    });
    if (!r?.open) return { matched: 0, created: 0, skipped: "not-open" };
    if (r.done) return { matched: await db.lead.count({ where: { requestId } }), created: 0, skipped: "already-done" };
    const rows = await matchLeads(r);
    // On the pg pool, not the ORM: this transaction is the whole cost of posting a request, and the
    // ORM's per-statement overhead was a third of it (bench/matching.mts).
    const result = await sqlTransaction(async (c) => {
      const { rows: [now] } = await c.query<{ version: number; open: boolean; done: boolean }>({
        name: "fan-out.lock",
        text: `SELECT "version", ("status" = 'OPEN' AND "expiresAt" > now() AT TIME ZONE 'UTC') AS "open", "fannedOutAt" IS NOT NULL AS "done"
               FROM "Request" WHERE "id" = $1 FOR UPDATE`,
        values: [requestId],
      });
      if (!now?.open) return { matched: 0, created: 0, skipped: "not-open" as const };
      if (now.done) return null; // another run finished first: say so from the top
      if (now.version !== r.version) return null; // edited while we matched: match the new terms
      const created = await insertLeads(c, r.id, rows);
      await hooks.beforeCommit?.();
      const { rows: [matched] } = await c.query<{ matched: number }>({
        name: "fan-out.done",
        text: `UPDATE "Request" SET "matchedCount" = (SELECT count(*)::int FROM "Lead" WHERE "requestId" = $1), "fannedOutAt" = now(), "updatedAt" = now()
               WHERE "id" = $1 RETURNING "matchedCount" AS "matched"`,
        values: [requestId],
      });
      // Telling the dealers' people (notifications, emails) is a job of its own, enqueued here, so it
      // happens exactly when these leads exist.
      if (created.length > 0) await enqueue(c, NOTIFY_DEALERS_QUEUE, { requestId });
      // The leads' ADF/XML to the dealers' CRMs: one job per request, which finds the dealers that have a
      // CRM address or endpoint, so this transaction adds one insert however many leads it wrote.
      if (created.length > 0) await enqueue(c, CRM_PLAN_LEADS_QUEUE, { requestId });
      // Dealers with the automatic rule on get a job per lead, committed with the lead: no lead of theirs
      // is missed by a crash, and none is answered before it exists. The job re-checks the rule itself.
      await enqueueMany(c, AUTO_QUOTE_QUEUE, created.filter((l) => l.autoQuote).map((l) => ({ leadId: l.id })));
      await publishMany(
        [
        ...created.map((l) => ({ topic: topics.dealer(l.dealerId), type: "lead.created", id: l.id })),
          { topic: topics.request(requestId), type: "request.fanned-out", id: requestId },
        ],
        c,
      );
      return { matched: matched!.matched, created: created.length };
    });
    if (result) return result;
    // A request edited three times during its own matching is left to the job's retry.
    if (attempt >= 3) throw new Error(`Request ${requestId} kept changing while it was matched`);
  }
}

type LeadRow = { dealerId: string; distance: number; reasons: string; alias: string };

/** The leads a request should create, one per eligible dealer (the same function the reach preview counts with). */
async function matchLeads(r: MatchedRequest): Promise<LeadRow[]> {
  const dealers = await findEligibleDealers(r);
  return dealers.map((c) => ({ dealerId: c.id, distance: Math.round(c.distanceMiles * 10) / 10, reasons: JSON.stringify(c.reasons), alias: buyerAlias(r.id, c.id) }));
}

async function insertLeads(c: SqlClient, requestId: string, rows: LeadRow[]) {
  if (rows.length === 0) return [];
  // Each new lead first takes a place under its dealer's cap for today. Dealers that already hold a lead
  // on this request (a re-run after an edit) take none. Places are taken in dealer order, so two racing
  // fan-outs lock counter rows in the same order and cannot deadlock, and only while the count is under
  // the cap, so a dealer whose cap filled since matching gets no lead. (Two statements, not one CTE: the
  // planner cannot size a CTE's RETURNING and joined the two lists by nested loop, 300 × 300.)
  const placed = await c.query<{ dealerId: string }>({
    name: "fan-out.places",
    text: `INSERT INTO "DealerLeadDay" ("dealerId", "day", "count")
           SELECT x.dealer_id, (now() AT TIME ZONE 'UTC')::date, 1
           FROM unnest($2::text[]) AS x(dealer_id)
           WHERE NOT EXISTS (SELECT 1 FROM "Lead" l WHERE l."requestId" = $1 AND l."dealerId" = x.dealer_id)
           ORDER BY x.dealer_id
           ON CONFLICT ("dealerId", "day") DO UPDATE SET "count" = "DealerLeadDay"."count" + 1
             WHERE "DealerLeadDay"."count" < (SELECT d."dailyLeadCap" FROM "Dealer" d WHERE d."id" = excluded."dealerId")
           RETURNING "dealerId"`,
    values: [requestId, rows.map((x) => x.dealerId)],
  });
  const room = new Set(placed.rows.map((p) => p.dealerId));
  const leads = rows.filter((x) => room.has(x.dealerId));
  if (leads.length === 0) return [];
  // No ON CONFLICT: under the request row lock held by the caller, the dealers above hold no lead on this
  // request, and should that ever be wrong the unique (requestId, dealerId) index fails the whole run.
  // RETURNING reads each new lead's dealer by primary key for its automatic rule: one index probe per
  // lead, in the statement that already touches those rows, rather than a round trip of its own.
  const inserted = await c.query<{ id: string; dealerId: string; autoQuote: boolean }>({
    name: "fan-out.leads",
    text: `INSERT INTO "Lead" ("id", "requestId", "dealerId", "distanceMiles", "matchReasons", "buyerAlias", "bodyType", "updatedAt")
           SELECT gen_random_uuid()::text, $1, x.dealer_id, x.distance, x.reasons::jsonb, x.alias,
                  (SELECT r."bodyType" FROM "Request" r WHERE r."id" = $1), now()
           FROM unnest($2::text[], $3::float8[], $4::text[], $5::text[]) AS x(dealer_id, distance, reasons, alias)
           RETURNING "id", "dealerId", (SELECT d."autoQuoteEnabled" FROM "Dealer" d WHERE d."id" = "Lead"."dealerId") AS "autoQuote"`,
    values: [requestId, leads.map((x) => x.dealerId), leads.map((x) => x.distance), leads.map((x) => x.reasons), leads.map((x) => x.alias)],
  });
  return inserted.rows;
}

export const fanOutJob = defineJob({
  id: "request.fan-out",
  pool: "fan-out",
  schema: z.object({ requestId: z.string() }),
  maxAttempts: 10,
  backoffMs: 500,
  handler: async ({ requestId }) => {
    await fanOutRequest(requestId);
  },
});
