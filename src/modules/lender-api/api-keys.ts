import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { ApiKeyMode } from "~/generated/prisma/enums";
import { db, sql } from "~/server/db";
import { rateLimitHit, verdict, type Hit } from "~/server/rate-limit";
import { notFound } from "~/server/errors";
import { z } from "zod";

/** The console's "create a key" form, lender or dealer. */
export const createApiKeyInput = z.object({ name: z.string().trim().min(1, "Name the key (e.g. the system using it)").max(60), mode: z.enum(["LIVE", "TEST"]) }).strict();

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const hashApiKey = sha256;

const KEY_PATTERN = /^kt_(live|test)_[A-Za-z0-9_-]{32}$/;
export const looksLikeApiKey = (s: string) => /kt_(live|test)_[A-Za-z0-9_-]{16,}/.test(s);

export const apiKeySelect = { id: true, name: true, prefix: true, mode: true, lastUsedAt: true, revokedAt: true, createdAt: true } satisfies Prisma.ApiKeySelect;

/** Whose key it is: exactly one of a lender or a dealer (the ApiKey_one_owner check holds the database to it). */
export type KeyOwner = { lenderId: string } | { dealerId: string };

/** Creates a key and returns its secret this once; only its sha256 and a short prefix are kept. */
export async function createOwnedApiKey(owner: KeyOwner, input: { name: string; mode: ApiKeyMode }) {
  const secret = `kt_${input.mode === "LIVE" ? "live" : "test"}_${randomBytes(24).toString("base64url")}`;
  const key = await db.apiKey.create({
    data: { ...owner, name: input.name, mode: input.mode, prefix: secret.slice(0, 12), hash: sha256(secret) },
    select: apiKeySelect,
  });
  return { ...key, secret };
}

export const listOwnedApiKeys = (owner: KeyOwner) => db.apiKey.findMany({ where: owner, select: apiKeySelect, orderBy: { createdAt: "desc" } });

/** Another owner's key is NOT_FOUND, exactly as a missing one. */
export async function revokeOwnedApiKey(owner: KeyOwner, keyId: string) {
  const done = await db.apiKey.updateMany({ where: { id: keyId, ...owner, revokedAt: null }, data: { revokedAt: new Date() } });
  if (done.count === 0) {
    const exists = await db.apiKey.findFirst({ where: { id: keyId, ...owner }, select: { id: true } });
    if (!exists) throw notFound("No such API key.");
  }
  return { ok: true };
}

// The lender console's names, kept because lender code and tests call them by these.
export const createApiKey = (lenderId: string, input: { name: string; mode: ApiKeyMode }) => createOwnedApiKey({ lenderId }, input);
export const listApiKeys = (lenderId: string) => listOwnedApiKeys({ lenderId });
export const revokeApiKey = (lenderId: string, keyId: string) => revokeOwnedApiKey({ lenderId }, keyId);

type RateVerdict = { limit: number; allowed: boolean; remaining: number; retryAfterSeconds: number };

/** A lender's key: the lender API's caller. */
export type ApiCaller = {
  kind: "lender";
  keyId: string;
  lenderId: string;
  lenderName: string;
  mode: ApiKeyMode;
  /** This call, counted against the key's per-minute limit. */
  rateLimit: RateVerdict;
};
/** A dealer's key: the inventory API's caller. */
export type DealerApiCaller = { kind: "dealer"; keyId: string; dealerId: string; dealerName: string; mode: ApiKeyMode; rateLimit: RateVerdict };
export type KeyCaller = ApiCaller | DealerApiCaller;

const RATE_WINDOW_SECONDS = 60;

/**
 * Resolves a bearer secret to its owner (a lender or a dealer) and counts the call against the key's rate limit, in one
 * statement, because it runs before every API call. Nothing is cached: a revoked key fails on the very
 * next call. lastUsedAt is written at most once a minute per key so busy integrations don't serialize on
 * it. The counter is kept in PostgreSQL (RateLimit), so every API process shares it.
 */
export async function authenticateApiKey(secret: string, limitPerMinute: number): Promise<KeyCaller | null> {
  if (!KEY_PATTERN.test(secret)) return null;
  const statement = authenticateStatement(sha256(secret));
  const { rows } = await sql.query<{ id: string; lenderId: string | null; dealerId: string | null; mode: ApiKeyMode; ownerName: string } & Hit>({ name: "api-key.authenticate", text: statement.text, values: statement.values });
  const key = rows[0];
  if (!key) return null;
  const common = { keyId: key.id, mode: key.mode, rateLimit: { limit: limitPerMinute, ...verdict(key, limitPerMinute) } };
  if (key.lenderId) return { kind: "lender", ...common, lenderId: key.lenderId, lenderName: key.ownerName };
  return { kind: "dealer", ...common, dealerId: key.dealerId!, dealerName: key.ownerName };
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
      SELECT k."id", k."lenderId", k."dealerId", k."mode"::text AS "mode", COALESCE(l."name", d."name") AS "ownerName",
             (k."lastUsedAt" IS NULL OR k."lastUsedAt" < now() - interval '1 minute') AS "stale"
      FROM "ApiKey" k LEFT JOIN "Lender" l ON l."id" = k."lenderId" LEFT JOIN "Dealer" d ON d."id" = k."dealerId"
      WHERE k."hash" = ${keyHash} AND k."revokedAt" IS NULL),
    touch AS (UPDATE "ApiKey" SET "lastUsedAt" = now() WHERE "id" IN (SELECT "id" FROM k WHERE "stale") RETURNING 1),
    hit AS (${rateLimitHit(Prisma.sql`SELECT 'api:' || "id" FROM k`, RATE_WINDOW_SECONDS)})
    SELECT k."id", k."lenderId", k."dealerId", k."mode", k."ownerName", hit."count", hit."retry_after",
           set_config('synchronous_commit', 'off', true) AS "asyncCommit"
    FROM k, hit`;
}
