import { createHash } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { publishMany, topics } from "~/server/realtime";
import type { RequestStatus } from "~/generated/prisma/enums";
import { findCandidateDealers } from "./candidates";
import { budgetCeilingCents, evaluateEligibility, type MatchRequest } from "./eligibility";

/** How the buyer appears to one dealer: stable per dealer, different across dealers, so dealers cannot correlate. */
export function buyerAlias(requestId: string, dealerId: string): string {
  return `Buyer ${createHash("sha256").update(`${requestId}:${dealerId}`).digest("hex").slice(0, 4).toUpperCase()}`;
}

// The request as fan-out reads it under its row lock: what matching needs, plus where and whose it is.
type LockedRequest = MatchRequest & {
  id: string;
  customerId: string;
  status: RequestStatus;
  lat: number;
  lng: number;
  expiresAt: Date;
  fannedOutAt: Date | null;
};

export type FanOutResult = { matched: number; created: number; skipped?: "not-open" | "already-done" };

/**
 * Creates one lead per matching dealer, in one transaction: the request row is locked first, so two
 * runs never interleave, and a run that dies midway rolls back whole and is redone by the job's retry.
 * ON CONFLICT on (requestId, dealerId) makes a repeated run add nothing.
 * `hooks.beforeCommit` lets tests kill a run after its inserts.
 */
export async function fanOutRequest(requestId: string, hooks: { beforeCommit?: () => Promise<void> } = {}): Promise<FanOutResult> {
  return db.$transaction(
    async (tx) => {
      const [r] = await tx.$queryRaw<LockedRequest[]>`
        SELECT "id", "customerId", "status", "bodyType", "condition", "makes", "maxPriceCents", "maxMonthlyCents", "termMonths",
               "downPaymentCents", "lat", "lng", "radiusMiles", "expiresAt", "fannedOutAt"
        FROM "Request" WHERE "id" = ${requestId} FOR UPDATE`;
      if (!r || r.status !== "OPEN" || r.expiresAt <= new Date()) return { matched: 0, created: 0, skipped: "not-open" as const };
      if (r.fannedOutAt) {
        const matched = await tx.lead.count({ where: { requestId } });
        return { matched, created: 0, skipped: "already-done" as const };
      }
      const created = await insertLeads(tx, r);
      await hooks.beforeCommit?.();
      const [{ matched }] = await tx.$queryRaw<[{ matched: number }]>`
        UPDATE "Request" SET "matchedCount" = (SELECT count(*)::int FROM "Lead" WHERE "requestId" = ${requestId}), "fannedOutAt" = now(), "updatedAt" = now()
        WHERE "id" = ${requestId} RETURNING "matchedCount" AS matched`;
      await publishMany(
        [
          ...created.map((l) => ({ topic: topics.dealer(l.dealerId), type: "lead.created", id: l.id })),
          { topic: topics.request(requestId), type: "request.fanned-out", id: requestId },
        ],
        tx,
      );
      return { matched, created: created.length };
    },
    { timeout: 30_000 },
  );
}

async function insertLeads(tx: Tx, r: LockedRequest) {
  const candidates = await findCandidateDealers(tx, {
    lat: r.lat,
    lng: r.lng,
    radiusMiles: r.radiusMiles,
    bodyType: r.bodyType,
    condition: r.condition,
    makes: r.makes,
    budgetCeilingCents: budgetCeilingCents(r),
    customerId: r.customerId,
  });
  const rows = candidates.flatMap((c) => {
    const verdict = evaluateEligibility(r, c, { distanceMiles: c.distanceMiles, leadsToday: c.leadsToday, blocked: false });
    return verdict.eligible ? [{ dealerId: c.id, distance: Math.round(c.distanceMiles * 10) / 10, reasons: JSON.stringify(verdict.reasons), alias: buyerAlias(r.id, c.id) }] : [];
  });
  if (rows.length === 0) return [];
  return tx.$queryRaw<{ id: string; dealerId: string }[]>`
    INSERT INTO "Lead" ("id", "requestId", "dealerId", "distanceMiles", "matchReasons", "buyerAlias", "updatedAt")
    SELECT gen_random_uuid()::text, ${r.id}, x.dealer_id, x.distance, x.reasons::jsonb, x.alias, now()
    FROM unnest(${rows.map((x) => x.dealerId)}::text[], ${rows.map((x) => x.distance)}::float8[], ${rows.map((x) => x.reasons)}::text[], ${rows.map((x) => x.alias)}::text[])
      AS x(dealer_id, distance, reasons, alias)
    ON CONFLICT ("requestId", "dealerId") DO NOTHING
    RETURNING "id", "dealerId"`;
}

export const fanOutJob = defineJob({
  id: "request.fan-out",
  schema: z.object({ requestId: z.string() }),
  maxAttempts: 10,
  backoffMs: 500,
  handler: async ({ requestId }) => {
    await fanOutRequest(requestId);
  },
});
