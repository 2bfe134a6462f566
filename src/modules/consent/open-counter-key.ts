import type { ActorType, DataField } from "~/generated/prisma/enums";
import { db, type Tx } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import type { Actor } from "~/server/auth/session";
import { publish, topics } from "~/server/realtime";
import { hashCode, hashToken } from "./counter-key";
import { REFUSAL_PURPOSE } from "./describe";
import { DATA_READ_EVENT, readCustomerData, type CustomerData } from "./read-customer-data";

/** Wrong codes after which a key's code stops working (6 digits: a guesser gets 5 tries in a million). */
export const COUNTER_CODE_MAX_FAILURES = 5;
const PURPOSE = "Paperwork at the dealer's desk";

export type RefusedReason = "signed-out" | "wrong-code" | "code-used" | "someone-else";
export type CounterKeyView =
  | { state: "open"; dealerName: string; fields: DataField[]; expiresAt: Date; data: CustomerData; openedAs: string }
  | { state: "refused"; dealerName: string; reason: RefusedReason }
  | { state: "expired" | "revoked"; dealerName: string };

type Grant = { id: string; customerId: string; dealerId: string | null; fields: DataField[]; requestId: string | null };
type Who = { type: ActorType; id: string; label: string };

/**
 * Someone opens a counter key link. The link alone shows nothing of the buyer: it opens only for a
 * signed-in member of the dealer the key was made for, or for someone signed out who types the one-time
 * code the buyer reads out (once). Every opening is logged with who really opened it; every other opening
 * (signed out without the code, a wrong or used code, another dealer, a lender, another buyer) is logged
 * as refused, with no fields, in the buyer's log. Unknown tokens are NOT_FOUND.
 */
export async function openCounterKey(token: string, input: { viewer: Actor | null; code?: string | null }): Promise<CounterKeyView> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound("This key does not exist.");
  const grant = await db.consentGrant.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, customerId: true, dealerId: true, fields: true, requestId: true, expiresAt: true, revokedAt: true, granteeType: true },
  });
  if (!grant || grant.granteeType !== "COUNTER") throw notFound("This key does not exist.");
  const dealer = grant.dealerId ? await db.dealer.findUnique({ where: { id: grant.dealerId }, select: { name: true } }) : null;
  const dealerName = dealer?.name ?? "Dealer";
  if (grant.revokedAt) return { state: "revoked", dealerName };
  if (grant.expiresAt <= new Date()) return { state: "expired", dealerName };

  const { viewer } = input;
  const code = input.code?.replace(/\s/g, "") || null;
  try {
    if (viewer && grant.dealerId && viewer.dealerId === grant.dealerId) {
      const who = { type: "COUNTER" as const, id: viewer.userId, label: viewer.name.includes(dealerName) ? `${viewer.name} (staff, signed in)` : `${viewer.name} (${dealerName} staff, signed in)` };
      return await read(grant, who, dealerName, grant.expiresAt);
    }
    if (viewer) return await refuse(grant, await describeViewer(viewer, grant.customerId), dealerName, "someone-else");
    const signedOut = { type: "COUNTER" as const, id: `counter-code:${grant.id}`, label: "Someone signed out, with no code" };
    if (!code) return await refuse(grant, signedOut, dealerName, "signed-out");
    return await db.$transaction(async (tx) => {
      // Spend the code in the same transaction as the read: if the read is refused, the code is not spent.
      const spent = await tx.consentGrant.updateMany({
        where: { id: grant.id, codeUsedAt: null, codeFailures: { lt: COUNTER_CODE_MAX_FAILURES }, codeHash: hashCode(token, code) },
        data: { codeUsedAt: new Date() },
      });
      const who = { type: "COUNTER" as const, id: `counter-code:${grant.id}`, label: `Someone at the counter of ${dealerName} using the one-time code` };
      if (spent.count === 1) return read(grant, who, dealerName, grant.expiresAt, tx);
      const failed = await tx.consentGrant.updateMany({ where: { id: grant.id, codeUsedAt: null }, data: { codeFailures: { increment: 1 } } });
      const used = failed.count === 0;
      const label = used ? "Someone signed out, with a code that was already used" : "Someone signed out, with a wrong code";
      return refuse(grant, { ...signedOut, label }, dealerName, used ? "code-used" : "wrong-code", tx);
    });
  } catch (e) {
    // Revoked or expired between the check above and the read: the read is the authority.
    if (e instanceof AppError && e.code === "NOT_FOUND") return { state: "expired", dealerName };
    throw e;
  }
}

async function read(grant: Grant, who: Who, dealerName: string, expiresAt: Date, tx?: Tx): Promise<CounterKeyView> {
  const data = await readCustomerData(
    { reader: { type: "COUNTER", id: who.id, label: who.label }, customerId: grant.customerId, fields: grant.fields, purpose: PURPOSE, requestId: grant.requestId, channel: "counter", grantId: grant.id },
    tx,
  );
  return { state: "open", dealerName, fields: grant.fields, expiresAt, data, openedAs: who.label };
}

async function refuse(grant: Grant, who: Who, dealerName: string, reason: RefusedReason, tx?: Tx): Promise<CounterKeyView> {
  const write = async (t: Tx) => {
    const log = await t.accessLog.create({
      data: {
        customerId: grant.customerId, actorType: who.type, actorId: who.id, actorLabel: who.label.slice(0, 200), grantId: grant.id,
        fields: [], purpose: REFUSAL_PURPOSE[reason], requestId: grant.requestId, channel: "counter", refused: true,
      },
      select: { id: true },
    });
    await publish({ topic: topics.user(grant.customerId), type: DATA_READ_EVENT, id: log.id }, t);
  };
  if (tx) await write(tx);
  else await db.$transaction(write);
  return { state: "refused", dealerName, reason };
}

/** "Sam Lee of Desert Motors", unless the name already says where ("Riley at Desert Motors"). */
const ofOrg = (name: string, org: string) => (name.includes(org) ? name : `${name} of ${org}`);

/** The real viewer, in words for the buyer's log (a label that reads as the subject of a sentence). Another buyer is not named to this one. */
async function describeViewer(viewer: Actor, customerId: string): Promise<Who> {
  if (viewer.userId === customerId) return { type: "COUNTER", id: "self", label: "You, signed in to your own account" };
  if (viewer.dealerId) {
    const d = await db.dealer.findUnique({ where: { id: viewer.dealerId }, select: { name: true } });
    return { type: "DEALER", id: viewer.dealerId, label: `${ofOrg(viewer.name, d?.name ?? "a dealer")} (not the dealer you accepted)` };
  }
  if (viewer.lenderId) {
    const l = await db.lender.findUnique({ where: { id: viewer.lenderId }, select: { name: true } });
    return { type: "LENDER", id: viewer.lenderId, label: `${ofOrg(viewer.name, l?.name ?? "a lender")} (a lender)` };
  }
  if (viewer.role === "ADMIN") return { type: "STAFF", id: viewer.userId, label: `${viewer.name} (Keyturn staff)` };
  return { type: "COUNTER", id: "another-buyer", label: "Another Keyturn buyer, signed in" };
}
