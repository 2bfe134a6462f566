// How long rows of the tables that only grow are kept. Each rule says why the row is worthless after it.
// (Lead-day counters: matching/lead-days.ts, 7 days. The job outbox is pruned by the jobs module.)
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const RETENTION = {
  /** A rate-limit row past its window is reset on its next hit anyway; the longest window is an hour. */
  rateLimitMs: DAY,
  /** Lender API Idempotency-Keys are remembered 7 days (the OpenAPI document says so): a retry after that is a new decision. */
  idempotencyMs: 7 * DAY,
  /** Live events (the embedded database's poll transport) are read within seconds of being written. */
  liveEventMs: HOUR,
  /** In-app notifications, read or not, are kept 90 days: what they point at (a request, a quote) has closed by then. */
  notificationMs: 90 * DAY,
  /** The mail relay's log answers "why did my emailed reply not arrive?"; a dealer asks within days, not after 90. */
  relayInboundMs: 90 * DAY,
} as const;

/** Rows deleted per statement: short statements, so the sweep never holds many row locks at once. */
export const PRUNE_BATCH = 5_000;
/** Batches per table per run: a backlog drains over several runs instead of one long one. */
export const PRUNE_MAX_BATCHES = 40;

/** The cut-off instants for a sweep at `now`: rows older than these go. */
export function retentionCutoffs(now: Date) {
  const before = (ms: number) => new Date(now.getTime() - ms);
  return {
    rateLimit: before(RETENTION.rateLimitMs),
    idempotency: before(RETENTION.idempotencyMs),
    liveEvent: before(RETENTION.liveEventMs),
    notification: before(RETENTION.notificationMs),
    relayInbound: before(RETENTION.relayInboundMs),
  };
}
