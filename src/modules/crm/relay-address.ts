import { randomBytes } from "node:crypto";
import { env } from "~/env.js";
import type { Tx } from "~/server/db";
import type { db } from "~/server/db";

/** 128 random bits as 32 hex characters: the token cannot be guessed, and fits an email local part. */
export const newRelayToken = () => randomBytes(16).toString("hex");

export const relayAddress = (token: string) => `lead-${token}@${env.RELAY_DOMAIN}`;

/**
 * The lead's relay token, created the first time a document needs it. Concurrent callers agree: the
 * insert does nothing when another one won, and both read the winner's token.
 */
export async function ensureRelayToken(client: Tx | typeof db, leadId: string): Promise<string> {
  await client.leadRelay.createMany({ data: [{ leadId, token: newRelayToken() }], skipDuplicates: true });
  const { token } = await client.leadRelay.findUniqueOrThrow({ where: { leadId }, select: { token: true } });
  return token;
}
