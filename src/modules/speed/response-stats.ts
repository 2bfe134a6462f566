/** How fast a dealer answers its leads: the figures its dashboard and the buyers' inboxes show. */
export type ResponseStats = {
  /** Leads received in the window. */
  leads: number;
  /** Of those, leads that got a quote. */
  quoted: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** Leads quoted within 5 minutes, out of all leads received, in basis points (4500 = 45%). */
  within5mBps: number | null;
};

export const WINDOW_DAYS = 90;
export const FIVE_MINUTES = 300;

/** The nearest-rank percentile (the smallest value with at least p of the values at or below it). */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * From each lead's arrival and first quote: median and 90th percentile time to first quote (over quoted
 * leads), and the share of ALL leads answered within 5 minutes, so never answering counts against it.
 * Leads that arrived less than 5 minutes before `now` and are still unanswered are left out: they still
 * have time.
 */
export function responseStats(rows: { createdAt: Date; firstQuoteAt: Date | null }[], now: Date): ResponseStats {
  const counted = rows.filter((r) => r.firstQuoteAt || now.getTime() - r.createdAt.getTime() >= FIVE_MINUTES * 1000);
  const secs = counted
    .filter((r) => r.firstQuoteAt)
    .map((r) => Math.max(0, Math.round((r.firstQuoteAt!.getTime() - r.createdAt.getTime()) / 1000)))
    .sort((a, b) => a - b);
  const fast = secs.filter((s) => s <= FIVE_MINUTES).length;
  return {
    leads: counted.length,
    quoted: secs.length,
    medianSeconds: percentile(secs, 0.5),
    p90Seconds: percentile(secs, 0.9),
    within5mBps: counted.length ? Math.round((fast * 10_000) / counted.length) : null,
  };
}

/** "under a minute", "4 min", "2 h 5 min", "3 days": a duration as people say it. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return "under a minute";
  const min = Math.round(seconds / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}
