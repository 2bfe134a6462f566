import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { ApiKeyMode } from "~/generated/prisma/enums";
import { db, sql } from "~/server/db";
import { rateLimitHit, verdict, type Hit } from "~/server/rate-limit";
import { notFound } from "~/server/errors";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const hashApiKey = sha256;

const KEY_PATTERN = /^kt_(live|test)_[A-Za-z0-9_-]{32}$/;
export const looksLikeApiKey = (s: string) => /kt_(live|test)_[A-Za-z0-9_-]{16,}/.test(s);

export const apiKeySelect = { id: true, name: true, prefix: true, mode: true, lastUsedAt: true, revokedAt: true, createdAt: true } satisfies Prisma.ApiKeySelect;

/** Creates a key and returns its secret this once; only its sha256 and a short prefix are kept. */
export async function createApiKey(lenderId: string, input: { name: string; mode: ApiKeyMode }) {
  const secret = `kt_${input.mode === "LIVE" ? "live" : "test"}_${randomBytes(24).toString("base64url")}`;
  const key = await db.apiKey.create({
    data: { lenderId, name: input.name, mode: input.mode, prefix: secret.slice(0, 12), hash: sha256(secret) },
    select: apiKeySelect,
  });
  return { ...key, secret };
}

export const listApiKeys = (lenderId: string) => db.apiKey.findMany({ where: { lenderId }, select: apiKeySelect, orderBy: { createdAt: "desc" } });

export async function revokeApiKey(lenderId: string, keyId: string) {
  const done = await db.apiKey.updateMany({ where: { id: keyId, lenderId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (done.count === 0) {
    const exists = await db.apiKey.findFirst({ where: { id: keyId, lenderId }, select: { id: true } });
    if (!exists) throw notFound("No such API key.");
  }
  return { ok: true };
}

export type ApiCaller = {
  keyId: string;
  lenderId: string;
  lenderName: string;
  mode: ApiKeyMode;
  /** This call, counted against the key's per-minute limit. */
  rateLimit: { limit: number; allowed: boolean; remaining: number; retryAfterSeconds: number };
};

const RATE_WINDOW_SECONDS = 60;

/**
 * Resolves a bearer secret to its lender and counts the call against the key's rate limit, in one
 * statement, because it runs before every API call. Nothing is cached: a revoked key fails on the very
 * next call. lastUsedAt is written at most once a minute per key so busy integrations don't serialize on
 * it. The counter is kept in PostgreSQL (RateLimit), so every API process shares it.
 */
export async function authenticateApiKey(secret: string, limitPerMinute: number): Promise<ApiCaller | null> {
  if (!KEY_PATTERN.test(secret)) return null;
  const statement = authenticateStatement(sha256(secret));
  const { rows } = await sql.query<{ id: string; lenderId: string; mode: ApiKeyMode; lenderName: string } & Hit>({ name: "api-key.authenticate", text: statement.text, values: statement.values });
  const key = rows[0];
  if (!key) return null;
  return { keyId: key.id, lenderId: key.lenderId, lenderName: key.lenderName, mode: key.mode, rateLimit: { limit: limitPerMinute, ...verdict(key, limitPerMinute) } };
}

/**
 * The key lookup and the rate-limit hit in one statement (exported for bench/lender-decisions.mts). The
 * counter and lastUsedAt are committed asynchronously (synchronous_commit off for this statement alone):
 * every call of a key updates one row, and waiting for the disk while holding that row's lock would queue
 * all of the key's calls behind each flush. A crash can forget the last few hits.
 */
export function authenticateStatement(keyHash: string) {
  return Prisma.sql`
    WITH k AS (
      SELECT k."id", k."lenderId", k."mode"::text AS "mode", l."name" AS "lenderName",
             (k."lastUsedAt" IS NULL OR k."lastUsedAt" < now() - interval '1 minute') AS "stale"
      FROM "ApiKey" k JOIN "Lender" l ON l."id" = k."lenderId"
      WHERE k."hash" = ${keyHash} AND k."revokedAt" IS NULL),
    touch AS (UPDATE "ApiKey" SET "lastUsedAt" = now() WHERE "id" IN (SELECT "id" FROM k WHERE "stale") RETURNING 1),
    hit AS (${rateLimitHit(Prisma.sql`SELECT 'api:' || "id" FROM k`, RATE_WINDOW_SECONDS)})
    SELECT k."id", k."lenderId", k."mode", k."lenderName", hit."count", hit."retry_after",
           set_config('synchronous_commit', 'off', true) AS "asyncCommit"
    FROM k, hit`;
}
