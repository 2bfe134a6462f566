import { sql } from "~/server/db";
import { findCandidateDealers, type Candidate } from "./candidates";
import { budgetCeilingCents, evaluateEligibility, type MatchRequest } from "./eligibility";

export type EligibleDealer = Candidate & { reasons: string[] };

/**
 * The dealers a request reaches: the indexed candidates, confirmed by evaluateEligibility. Fan-out and
 * the new-request form's live preview both call this, so the preview's count is what posting would do.
 */
export async function findEligibleDealers(r: MatchRequest & { lat: number; lng: number; customerId: string }): Promise<EligibleDealer[]> {
  const candidates = await findCandidateDealers({
    lat: r.lat,
    lng: r.lng,
    radiusMiles: r.radiusMiles,
    bodyType: r.bodyType,
    condition: r.condition,
    makes: r.makes,
    budgetCeilingCents: budgetCeilingCents(r),
    customerId: r.customerId,
  });
  const fixedFees = r.maxFeesCents != null && candidates.length > 0 ? await fixedDocFeesAbove(candidates.map((c) => c.id), r.maxFeesCents) : new Map<string, number>();
  return candidates.flatMap((c) => {
    const verdict = evaluateEligibility(r, { ...c, fixedDocFeeCents: fixedFees.get(c.id) ?? null }, { distanceMiles: c.distanceMiles, leadsToday: c.leadsToday, blocked: false });
    return verdict.eligible ? [{ ...c, reasons: verdict.reasons }] : [];
  });
}

/**
 * The candidates whose fixed doc fee is above the buyer's fee cap. A second, primary-key lookup run only
 * for requests that cap fees, so the tuned matching function (prisma/sql/10_geo.sql) and its covering
 * indexes stay as they are for every other request.
 */
async function fixedDocFeesAbove(ids: string[], maxFeesCents: number): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ id: string; docFeeCents: number }>({
    name: "match-fixed-doc-fees",
    text: `SELECT "id", "docFeeCents" FROM "Dealer" WHERE "id" = ANY ($1::text[]) AND "docFeeFixed" AND "docFeeCents" > $2`,
    values: [ids, maxFeesCents],
  });
  return new Map(rows.map((r) => [r.id, r.docFeeCents]));
}
