import type { KeepInTouchTopic } from "~/generated/prisma/enums";
import type { Tx } from "~/server/db";
import { badRequest } from "~/server/errors";
import { capWindowStart } from "./cap-window";
import { isReply, refusal, TOPIC_ONE } from "./rules";

type LeadRef = { id: string; requestId: string; dealerId: string; buyerAlias: string; dealer: { name: string } };

export const kitChannel = (grantId: string) => `keep-in-touch:${grantId}`;

const grantSelect = { id: true, topics: true, capCount: true, capPeriod: true, endsAt: true, revokedAt: true } as const;

/**
 * Whether a message from the accepted dealer is an answer, or a conversation it starts. Until the delivery
 * is recorded the thread is the purchase's own and every message is allowed. After it, a message is an
 * answer when the buyer wrote within REPLY_WINDOW_DAYS; otherwise it needs the buyer's keep-in-touch grant.
 * Returns null when no grant is needed.
 */
export async function unsolicitedContext(tx: Tx, lead: LeadRef, now: Date) {
  const deal = await tx.deal.findUnique({ where: { requestId: lead.requestId }, select: { id: true, dealerId: true, outcomeRecordedAt: true } });
  if (!deal || deal.dealerId !== lead.dealerId || !deal.outcomeRecordedAt) return null;
  const lastBuyer = await tx.message.findFirst({
    where: { thread: { leadId: lead.id }, senderType: "CUSTOMER" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  if (isReply(lastBuyer?.createdAt ?? null, now)) return null;
  return { dealId: deal.id, lastBuyerMessageAt: lastBuyer?.createdAt ?? null };
}

/** Messages sent under the grant since the current calendar window began: its AccessLog rows. */
export async function usedInWindow(tx: Tx, customerId: string, grant: { id: string; capPeriod: "WEEK" | "MONTH" | "QUARTER" }, now: Date) {
  return tx.accessLog.count({ where: { customerId, channel: kitChannel(grant.id), refused: false, createdAt: { gte: capWindowStart(grant.capPeriod, now) } } });
}

/**
 * Inside the send's transaction: refuses an unsolicited message that the buyer's grant does not allow, as
 * a field message beside the topic, and otherwise records the use. The grant row is locked FOR UPDATE so
 * two sends cannot both take the last message of a window, and a revocation cannot slip between the check
 * and the send. Returns the grant and topic used, or null when the message needed no grant.
 */
export async function authorizeDealerMessage(tx: Tx, input: { lead: LeadRef; customerId: string; topic: KeepInTouchTopic | undefined; now: Date }) {
  const { lead, customerId, topic, now } = input;
  const ctx = await unsolicitedContext(tx, lead, now);
  if (!ctx) return null;
  // The latest grant, live or not, so a revoked or ended one is named as such.
  const latest = await tx.keepInTouchGrant.findFirst({ where: { dealId: ctx.dealId }, orderBy: { createdAt: "desc" }, select: { id: true } });
  if (latest) await tx.$queryRaw`SELECT id FROM "KeepInTouchGrant" WHERE id = ${latest.id} FOR UPDATE`;
  const grant = latest ? await tx.keepInTouchGrant.findUniqueOrThrow({ where: { id: latest.id }, select: grantSelect }) : null;
  const used = grant ? await usedInWindow(tx, customerId, grant, now) : 0;
  const why = refusal({ grant, topic, usedInWindow: used, now, buyer: lead.buyerAlias });
  if (why) throw badRequest(why, { topic: why });
  const g = grant!;
  const t = topic!;
  // The use, where the buyer sees it ("Who saw my data") and where the cap counts it. No message text.
  await tx.accessLog.create({
    data: { customerId, actorType: "DEALER", actorId: lead.dealerId, actorLabel: lead.dealer.name, fields: [], purpose: TOPIC_ONE[t], requestId: lead.requestId, channel: kitChannel(g.id), createdAt: now },
    select: { id: true },
  });
  return { grantId: g.id, topic: t };
}
