import { db } from "~/server/db";
import { AppError } from "~/server/errors";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Fixed-window counter kept in PostgreSQL, so every app instance shares it and a restart does not reset it.
 * One atomic upsert per call: no read-then-write race.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const rows = await db.$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count" AS count, "windowStart" AS window_start`;
  const row = rows[0]!;
  const elapsed = (Date.now() - row.window_start.getTime()) / 1000;
  return {
    allowed: row.count <= limit,
    remaining: Math.max(0, limit - row.count),
    retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)),
  };
}

export async function enforceRateLimit(key: string, limit: number, windowSeconds: number, what = "requests") {
  const r = await hitRateLimit(key, limit, windowSeconds);
  if (!r.allowed) {
    throw new AppError("RATE_LIMITED", `Too many ${what}. Try again in ${r.retryAfterSeconds} seconds.`, undefined, r.retryAfterSeconds);
  }
  return r;
}

export async function resetRateLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}
