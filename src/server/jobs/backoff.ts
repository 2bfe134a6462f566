/**
 * Full-jitter exponential backoff: a random delay between half and all of base·2^(attempt-1), capped at
 * an hour. A leaf module (no imports), so the worker and the handlers it runs can both use it without
 * importing each other.
 */
export function backoffDelayMs(attempt: number, baseMs: number, random = Math.random): number {
  const cap = Math.min(60 * 60 * 1000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}
