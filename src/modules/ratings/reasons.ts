import { formatDuration } from "~/modules/speed/response-stats";

// The structured reasons a buyer ticks when rating, and the pure arithmetic on them: averages, shares,
// the inbox's "top reason" line and the dealer's "what would raise your rank" advice. No I/O.

export const REASON_KEYS = ["priceAsQuoted", "feesAsQuoted", "noPressure", "speed", "communication"] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

/** The checkbox label, the inbox phrase ("92% say price as quoted") and the dealer's "did not say" phrase. */
export const REASONS: Record<ReasonKey, { label: string; say: string; notSaid: string }> = {
  priceAsQuoted: { label: "Price as quoted", say: "price as quoted", notSaid: "the price was as quoted" },
  feesAsQuoted: { label: "Fees as quoted", say: "fees as quoted", notSaid: "the fees were as quoted" },
  noPressure: { label: "No pressure", say: "no pressure", notSaid: "there was no pressure" },
  speed: { label: "Quick to deal with", say: "quick to deal with", notSaid: "the dealer was quick" },
  communication: { label: "Clear communication", say: "clear communication", notSaid: "communication was clear" },
};

/** A reason share shows on quotes only from this many ratings: two buyers are not a percentage. */
export const MIN_RATINGS_FOR_SHARES = 3;

/** The per-dealer counters kept on Dealer, raised with each rating. */
export type RatingCounters = { count: number; starsSum: number; reasons: Record<ReasonKey, number> };

export const dealerCountersSelect = {
  ratingCount: true,
  ratingStarsSum: true,
  ratingPriceAsQuotedCount: true,
  ratingFeesAsQuotedCount: true,
  ratingNoPressureCount: true,
  ratingSpeedCount: true,
  ratingCommunicationCount: true,
} as const;

type DealerCounterRow = { [K in keyof typeof dealerCountersSelect]: number };

export const countersOf = (d: DealerCounterRow): RatingCounters => ({
  count: d.ratingCount,
  starsSum: d.ratingStarsSum,
  reasons: {
    priceAsQuoted: d.ratingPriceAsQuotedCount,
    feesAsQuoted: d.ratingFeesAsQuotedCount,
    noPressure: d.ratingNoPressureCount,
    speed: d.ratingSpeedCount,
    communication: d.ratingCommunicationCount,
  },
});

/** The Prisma increments for one new rating: the same shape as dealerCountersSelect. */
export function counterIncrements(stars: number, ticked: readonly ReasonKey[]) {
  const has = (k: ReasonKey) => (ticked.includes(k) ? 1 : 0);
  return {
    ratingCount: { increment: 1 },
    ratingStarsSum: { increment: stars },
    ratingPriceAsQuotedCount: { increment: has("priceAsQuoted") },
    ratingFeesAsQuotedCount: { increment: has("feesAsQuoted") },
    ratingNoPressureCount: { increment: has("noPressure") },
    ratingSpeedCount: { increment: has("speed") },
    ratingCommunicationCount: { increment: has("communication") },
  };
}

export type RatingSummary = {
  average: number | null;
  count: number;
  /** Share (0–1) of ratings that ticked each reason; null below MIN_RATINGS_FOR_SHARES. */
  shares: Record<ReasonKey, number> | null;
  /** The most-ticked reason, for "92% say price as quoted"; null below the minimum or when none was ticked. */
  top: { key: ReasonKey; share: number } | null;
};

export function summarise(c: RatingCounters): RatingSummary {
  const average = c.count > 0 ? c.starsSum / c.count : null;
  if (c.count < MIN_RATINGS_FOR_SHARES) return { average, count: c.count, shares: null, top: null };
  const shares = Object.fromEntries(REASON_KEYS.map((k) => [k, c.reasons[k] / c.count])) as Record<ReasonKey, number>;
  // Ties go to the earlier key in REASON_KEYS: price first, as the issue's own example.
  const best = REASON_KEYS.reduce((a, k) => (shares[k] > shares[a] ? k : a), REASON_KEYS[0]);
  return { average, count: c.count, shares, top: shares[best] > 0 ? { key: best, share: shares[best] } : null };
}

export const pct = (share: number) => `${Math.round(share * 100)}%`;

/** "92% say price as quoted", or null when there are too few ratings. */
export const topReasonText = (s: RatingSummary) => (s.top ? `${pct(s.top.share)} say ${REASONS[s.top.key].say}` : null);

export type RecentRating = { stars: number } & Record<ReasonKey, boolean>;

/**
 * What would raise the dealer's rank, from its own figures only: the reason its last ratings (newest first,
 * at most 10) most often left unticked, its price-honoured record and its usual speed. Each line is a
 * concrete count, never a guess about other dealers.
 */
export function rankAdvice(input: {
  recent: RecentRating[];
  deliveries: { deliveries: number; honoured: number };
  medianResponseSeconds: number | null;
}): string[] {
  const out: string[] = [];
  const last = input.recent.slice(0, 10);
  if (last.length > 0) {
    const misses = REASON_KEYS.map((k) => ({ k, n: last.filter((r) => !r[k]).length })).filter((m) => m.n > 0);
    misses.sort((a, b) => b.n - a.n || REASON_KEYS.indexOf(a.k) - REASON_KEYS.indexOf(b.k));
    for (const m of misses.slice(0, 2)) {
      out.push(`${last.length === 1 ? "Your latest rating" : `${m.n} of the last ${last.length} buyers who rated you`} did not say ${REASONS[m.k].notSaid}.${m.k === "priceAsQuoted" ? " Among quotes equal on total cost, a higher share saying the price was as quoted ranks first." : ""}`);
    }
    const low = last.filter((r) => r.stars <= 3).length;
    if (low > 0) out.push(`${last.length === 1 ? "Your latest rating was" : `${low} of the last ${last.length} ratings were`} 3 stars or fewer. From 3 ratings up, your average breaks ties between quotes equal on total cost.`);
  }
  const { deliveries, honoured } = input.deliveries;
  if (deliveries > honoured) {
    out.push(`${deliveries - honoured} of your ${deliveries} recorded deliveries were above the accepted price. Delivering at the quoted price is the first tie-break in a buyer's inbox.`);
  }
  if (input.medianResponseSeconds != null && input.medianResponseSeconds > 15 * 60) {
    out.push(`Your median first response is ${formatDuration(input.medianResponseSeconds)}. Answering sooner moves you up among quotes equal on price and record.`);
  }
  return out;
}
