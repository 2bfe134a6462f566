import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";

/** Key order does not change what a body means, so it must not change its hash. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(v);
}

export const requestHash = (...parts: (string | Uint8Array)[]) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest("hex");

export type StoredResponse = { status: number; body: unknown; replayed: boolean };

/** The response stored under this key, or null; the same key with another request is refused (422). */
export async function replayStored(apiKeyId: string, key: string, hash: string): Promise<StoredResponse | null> {
  const rows = await db.$queryRaw<{ requestHash: string; status: number; responseBody: unknown }[]>`
    SELECT "requestHash", "status", "responseBody" FROM "IdempotencyRecord" WHERE "apiKeyId" = ${apiKeyId} AND "key" = ${key}`;
  const prior = rows[0];
  if (!prior) return null;
  if (prior.requestHash !== hash) throw new AppError("UNPROCESSABLE", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
  return { status: prior.status, body: prior.responseBody, replayed: true };
}

/** Stores the response in the transaction that made it, so it exists exactly when its effect committed. */
export async function storeResponse(tx: Prisma.TransactionClient, apiKeyId: string, key: string, hash: string, status: number, body: unknown) {
  await tx.$executeRaw`
    INSERT INTO "IdempotencyRecord" ("id", "apiKeyId", "key", "requestHash", "status", "responseBody")
    VALUES (${`idem_${randomUUID()}`}, ${apiKeyId}, ${key}, ${hash}, ${status}, ${JSON.stringify(body)}::jsonb)`;
}

const idempotencyKeySchema = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/);

/** The Idempotency-Key header every write of the API requires. */
export function requireIdempotencyKey(header: string | null, what: string): string {
  const key = idempotencyKeySchema.safeParse(header);
  if (!key.success) throw new AppError("BAD_REQUEST", `Send an Idempotency-Key header (1–255 printable characters, e.g. a UUID) with every ${what}.`);
  return key.data;
}
