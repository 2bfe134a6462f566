import { Prisma } from "~/generated/prisma/client";
import { db, type SqlClient, type Tx } from "~/server/db";
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

export async function hitRateLimit(key: string, limit: number, windowSeconds: number, tx?: Tx): Promise<RateLimitResult> {
  const rows = await (tx ?? db).$queryRaw<Hit[]>(rateLimitStatement(key, windowSeconds));
  return verdict(rows[0]!, limit);
}

/** enforceRateLimit on a transaction of the `sql` pool. */
export async function enforceRateLimitOn(c: SqlClient, key: string, limit: number, windowSeconds: number, what = "requests") {
  const statement = rateLimitStatement(key, windowSeconds);
  const { rows } = await c.query<Hit>({ name: "rate-limit.hit", text: statement.text, values: statement.values });
  return enforced(verdict(rows[0]!, limit), what);
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
export async function enforceRateLimit(key: string, limit: number, windowSeconds: number, what = "requests", tx?: Tx) {
  return enforced(await hitRateLimit(key, limit, windowSeconds, tx), what);
}

export async function resetRateLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}
