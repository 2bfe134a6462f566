import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { queryRows, type Queryable } from "~/server/queryable";
import { AppError } from "~/server/errors";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Fixed-window counter kept in PostgreSQL, so every app instance shares it and a restart does not reset it.
 * One atomic upsert per call: no read-then-write race.
 */
/**
 * The counter upsert for the one key `key` selects; the lender API folds it into its key lookup
 * (api-keys.ts). Returns the count in this window and the seconds until the window ends.
 */
export function rateLimitHit(key: Prisma.Sql, windowSeconds: number) {
  return Prisma.sql`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") SELECT hit_key, now(), 1 FROM (${key}) AS hit(hit_key)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count" AS count, greatest(1, ceil(extract(epoch FROM "windowStart" + make_interval(secs => ${windowSeconds}) - now()::timestamp)))::int AS retry_after`;
}

const rateLimitStatement = (key: string, windowSeconds: number) => rateLimitHit(Prisma.sql`SELECT ${key}::text`, windowSeconds);

export type Hit = { count: number; retry_after: number };
export const verdict = (row: Hit, limit: number): RateLimitResult => ({
  allowed: row.count <= limit,
  remaining: Math.max(0, limit - row.count),
  retryAfterSeconds: row.retry_after,
});

/** Counts one hit on `key`, on either database client; inside a transaction it counts only if that commits. */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number, q: Queryable = db): Promise<RateLimitResult> {
  const rows = await queryRows<Hit>(q, "rate-limit.hit", rateLimitStatement(key, windowSeconds));
  return verdict(rows[0]!, limit);
}

function enforced(r: RateLimitResult, what: string) {
  if (!r.allowed) {
    throw new AppError("RATE_LIMITED", `Too many ${what}. Try again in ${r.retryAfterSeconds} seconds.`, undefined, r.retryAfterSeconds);
  }
  return r;
}

/**
 * Throws RATE_LIMITED past the limit. Given a transaction, the hit counts only if that transaction
 * commits, and costs no commit of its own.
 */
export async function enforceRateLimit(key: string, limit: number, windowSeconds: number, what = "requests", q: Queryable = db) {
  return enforced(await hitRateLimit(key, limit, windowSeconds, q), what);
}

export async function resetRateLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}
