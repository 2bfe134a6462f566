import { lookupZip } from "~/modules/geo/zip";
import { reachTermsInput, type ReachTerms } from "~/modules/requests/schemas";
import { findEligibleDealers } from "./eligible-dealers";

/** What the new-request form knows so far; only the terms that decide a match. */
export const previewReachInput = reachTermsInput;
export type PreviewReachInput = ReachTerms;

export type ReachPreview = { found: true; dealers: number; radiusMiles: number; place: string; budgetCounted: boolean } | { found: false };

/**
 * How many dealers a request with these terms would reach if posted now, counted by the same function
 * fan-out uses. A read only: no lead, no row, nothing a dealer sees. Before the buyer has given a budget
 * the price rule is left out (the count says so), so the number does not read 0 while they are still typing.
 */
export async function previewReach(customerId: string, input: PreviewReachInput): Promise<ReachPreview> {
  const place = lookupZip(input.zip);
  if (!place) return { found: false };
  const budgetCounted = input.maxPriceCents != null || (input.maxMonthlyCents != null && input.termMonths != null);
  const dealers = await findEligibleDealers({
    ...input,
    maxPriceCents: budgetCounted ? (input.maxPriceCents ?? null) : 50_000_000,
    maxMonthlyCents: budgetCounted ? (input.maxMonthlyCents ?? null) : null,
    termMonths: input.termMonths ?? null,
    lat: place.lat,
    lng: place.lng,
    customerId,
  });
  return { found: true, dealers: dealers.length, radiusMiles: input.radiusMiles, place: `${place.city}, ${place.state}`, budgetCounted };
}
