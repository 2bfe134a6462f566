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
  return candidates.flatMap((c) => {
    const verdict = evaluateEligibility(r, c, { distanceMiles: c.distanceMiles, leadsToday: c.leadsToday, blocked: false });
    return verdict.eligible ? [{ ...c, reasons: verdict.reasons }] : [];
  });
}
