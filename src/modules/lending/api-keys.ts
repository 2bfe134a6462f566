import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { ApiKeyMode } from "~/generated/prisma/enums";
import { db } from "~/server/db";
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

export type ApiCaller = { keyId: string; lenderId: string; lenderName: string; mode: ApiKeyMode };

/**
 * Resolves a bearer secret to its lender, or null. Nothing is cached: a revoked key fails on the very
 * next call. lastUsedAt is written at most once a minute per key so busy integrations don't serialize on it.
 */
export async function authenticateApiKey(secret: string): Promise<ApiCaller | null> {
  if (!KEY_PATTERN.test(secret)) return null;
  // Raw SQL: this runs on every API call, and one round trip is the whole cost.
  const rows = await db.$queryRaw<{ id: string; lenderId: string; mode: ApiKeyMode; revokedAt: Date | null; lastUsedAt: Date | null; lenderName: string }[]>`
    SELECT k."id", k."lenderId", k."mode"::text AS "mode", k."revokedAt", k."lastUsedAt", l."name" AS "lenderName"
    FROM "ApiKey" k JOIN "Lender" l ON l."id" = k."lenderId" WHERE k."hash" = ${sha256(secret)}`;
  const key = rows[0];
  if (!key || key.revokedAt) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
    await db.$executeRaw`UPDATE "ApiKey" SET "lastUsedAt" = now() WHERE "id" = ${key.id} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`;
  }
  return { keyId: key.id, lenderId: key.lenderId, lenderName: key.lenderName, mode: key.mode };
}
