import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import type { Actor } from "~/server/auth/session";
import { isWinningLead, leadForCustomerOrThrow, leadForDealerOrThrow, threadOpen } from "~/modules/messaging/access";
import { unsolicitedContext, usedInWindow } from "~/modules/keep-in-touch/authorize-dealer-message";
import { REPLY_WINDOW_DAYS } from "~/modules/keep-in-touch/rules";

// Both sides get the same message shape; it carries no user ids and no names, only who wrote it.
const messageSelect = { id: true, senderType: true, body: true, createdAt: true, readAt: true } satisfies Prisma.MessageSelect;
type Msg = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

async function messagesOf(leadId: string): Promise<Msg[]> {
  const thread = await db.thread.findUnique({
    where: { leadId },
    select: { messages: { select: messageSelect, orderBy: { createdAt: "asc" }, take: 500 } },
  });
  return thread?.messages ?? [];
}

export async function getThreadForCustomer({ actor, leadId }: { actor: Actor; leadId: string }) {
  const lead = await leadForCustomerOrThrow(actor.userId, leadId);
  const block = await db.dealerBlock.findUnique({ where: { customerId_dealerId: { customerId: actor.userId, dealerId: lead.dealerId } }, select: { kind: true } });
  const messages = await messagesOf(leadId);
  return {
    leadId,
    dealerName: lead.dealer.name,
    // The name the dealer sees for this customer: shown so the customer knows how they appear.
    youAppearAs: lead.buyerAlias,
    block: block?.kind ?? null,
    canWrite: threadOpen(lead) && block?.kind !== "BLOCK",
    // This dealer won the deal and has the buyer's contact details already.
    accepted: isWinningLead(lead),
    messages: messages.map((m) => ({ ...m, mine: m.senderType === "CUSTOMER", author: m.senderType === "CUSTOMER" ? "You" : m.senderType === "DEALER" ? lead.dealer.name : "Keyturn" })),
  };
}

export async function getThreadForDealer({ dealerId, leadId }: { dealerId: string; leadId: string }) {
  const lead = await leadForDealerOrThrow(dealerId, leadId);
  const blocked = await db.dealerBlock.findFirst({ where: { customerId: lead.request.customerId, dealerId, kind: "BLOCK" }, select: { id: true } });
  const messages = await messagesOf(leadId);
  return {
    leadId,
    buyerAlias: lead.buyerAlias,
    keepInTouch: isWinningLead(lead) ? await keepInTouchForDealer(lead, new Date()) : null,
    canWrite: threadOpen(lead) && !blocked,
    closed: !threadOpen(lead) && !isWinningLead(lead),
    messages: messages.map((m) => ({ ...m, mine: m.senderType === "DEALER", author: m.senderType === "CUSTOMER" ? lead.buyerAlias : m.senderType === "DEALER" ? "You" : "Keyturn" })),
  };
}

/**
 * For the accepted dealer's composer: whether its next message starts a conversation (then it must name a
 * topic the buyer's grant allows), and the grant's terms with what is left of this window. The same
 * reads the send makes, so the page and the refusal agree. No buyer data: only the terms they chose.
 */
async function keepInTouchForDealer(lead: Awaited<ReturnType<typeof leadForDealerOrThrow>>, now: Date) {
  const ctx = await unsolicitedContext(db, lead, now);
  if (!ctx) return { needsGrant: false as const, replyWindowDays: REPLY_WINDOW_DAYS, grant: null };
  const g = await db.keepInTouchGrant.findFirst({
    where: { dealId: ctx.dealId, revokedAt: null, endsAt: { gt: now } },
    select: { id: true, topics: true, capCount: true, capPeriod: true, endsAt: true },
  });
  const grant = g ? { topics: g.topics, capCount: g.capCount, capPeriod: g.capPeriod, endsAt: g.endsAt, usedThisWindow: await usedInWindow(db, lead.request.customerId, g, now) } : null;
  return { needsGrant: true as const, replyWindowDays: REPLY_WINDOW_DAYS, grant };
}

/** Unread messages from dealers, per lead, on one of the customer's requests (another's request: none). */
export async function customerUnreadByLead({ actor, requestId }: { actor: Actor; requestId: string }) {
  // The request's dozen leads, then only their unread messages (Message_unread_threadId_idx).
  const rows = await db.$queryRaw<{ leadId: string; n: number }[]>`
    SELECT t."leadId", count(*)::int AS n
    FROM "Request" r
    JOIN "Lead" l ON l."requestId" = r."id"
    JOIN "Thread" t ON t."leadId" = l."id"
    JOIN "Message" m ON m."threadId" = t."id" AND m."readAt" IS NULL AND m."senderType" <> 'CUSTOMER'
    WHERE r."id" = ${requestId} AND r."customerId" = ${actor.userId}
    GROUP BY t."leadId"`;
  return Object.fromEntries(rows.map((r) => [r.leadId, r.n])) as Record<string, number>;
}

/**
 * Unread buyer messages per lead, for the leads a dealer has on screen (its board's loaded pages). The
 * cost follows the leads asked about, never the dealer's whole history: a busy dealer with years of
 * threads once paid 15x a new one's for its badges (npm run bench:scale). Leads that are not the
 * dealer's count nothing.
 */
export async function dealerUnreadByLead({ dealerId, leadIds }: { dealerId: string; leadIds: string[] }) {
  if (leadIds.length === 0) return {};
  const rows = await db.$queryRaw<{ leadId: string; n: number }[]>`
    SELECT t."leadId", count(*)::int AS n
    FROM "Lead" l
    JOIN "Thread" t ON t."leadId" = l."id"
    JOIN "Message" m ON m."threadId" = t."id" AND m."readAt" IS NULL AND m."senderType" = 'CUSTOMER'
    WHERE l."id" = ANY(${leadIds}::text[]) AND l."dealerId" = ${dealerId}
    GROUP BY t."leadId"`;
  return Object.fromEntries(rows.map((r) => [r.leadId, r.n])) as Record<string, number>;
}
