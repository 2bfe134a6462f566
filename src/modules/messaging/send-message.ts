import { db, type Tx } from "~/server/db";
import { conflict } from "~/server/errors";
import type { Actor } from "~/server/auth/session";
import { enforceRateLimit } from "~/server/rate-limit";
import { publish, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";
import { leadForCustomerOrThrow, leadForDealerOrThrow, threadOpen } from "~/modules/messaging/access";
import type { TDealerSendMessageInput, TSendMessageInput } from "~/modules/messaging/schemas";
import { authorizeDealerMessage } from "~/modules/keep-in-touch/authorize-dealer-message";
import { TOPIC_ONE } from "~/modules/keep-in-touch/rules";
import type { KeepInTouchTopic } from "~/generated/prisma/enums";
import { CONTACT_WARNING, findContactDetails } from "~/modules/messaging/contact-details";
import { badRequest } from "~/server/errors";
import { isWinningLead } from "~/modules/messaging/access";
import { enqueueRelayForward } from "~/modules/relay/forward-buyer-message";

// A person types; a script floods. 10 a minute per sender is plenty for a conversation.
export const MESSAGE_LIMIT = { count: 10, windowSeconds: 60 };

export type Lead = Awaited<ReturnType<typeof leadForCustomerOrThrow>>;

export function assertOpen(lead: Lead) {
  if (!threadOpen(lead)) throw conflict("This request has closed; the conversation is read-only.");
}

async function write(tx: Tx, lead: Lead, senderType: "CUSTOMER" | "DEALER", senderUserId: string | null, body: string) {
  // Not upsert: Prisma's upsert is a read then an insert, and two first messages on one lead at once (an
  // emailed reply racing a typed one; the relay bench does it) failed on Thread_leadId_key. ON CONFLICT DO
  // NOTHING waits for the other insert and lets both read the one thread.
  await tx.thread.createMany({ data: [{ leadId: lead.id }], skipDuplicates: true });
  const thread = await tx.thread.findUniqueOrThrow({ where: { leadId: lead.id }, select: { id: true } });
  const message = await tx.message.create({
    data: { threadId: thread.id, senderType, senderUserId, body },
    select: { id: true, senderType: true, body: true, createdAt: true },
  });
  for (const topic of [topics.lead(lead.id), topics.request(lead.requestId), topics.dealer(lead.dealerId)]) {
    await publish({ topic, type: "message", id: lead.id }, tx);
  }
  return message;
}

/** The customer writes to a dealer on one of their leads. The dealer sees only the lead's alias. */
export async function sendCustomerMessage({ actor, leadId, body, shareContact }: TSendMessageInput & { actor: Actor }) {
  const lead = await leadForCustomerOrThrow(actor.userId, leadId);
  assertOpen(lead);
  // Before acceptance the dealer knows the buyer only by alias: a phone number or email in the text would
  // undo that. The buyer is warned and must confirm; the message is never rewritten.
  if (!shareContact && !isWinningLead(lead) && findContactDetails(body).length > 0) {
    throw badRequest(`${CONTACT_WARNING} Send it anyway, or edit it first.`, { body: CONTACT_WARNING });
  }
  await enforceRateLimit(`msg:user:${actor.userId}`, MESSAGE_LIMIT.count, MESSAGE_LIMIT.windowSeconds, "messages");
  return db.$transaction(async (tx) => {
    const message = await write(tx, lead, "CUSTOMER", actor.userId, body);
    // A dealer that works leads in its CRM gets the message by email too, from the lead's relay address.
    await enqueueRelayForward(tx, lead.dealerId, lead.id, message.id);
    const members = await tx.membership.findMany({ where: { dealerId: lead.dealerId }, select: { userId: true } });
    for (const m of members) {
      await notify(tx, { userId: m.userId, kind: "message", title: `New message from ${lead.buyerAlias}`, body: body.slice(0, 140), link: `/dealer/leads/${lead.id}`, email: false });
    }
    return message;
  });
}

/**
 * A dealer writes on a lead it received (NOT_FOUND otherwise). The customer is told in-app and, per
 * their preferences, by email from Keyturn: the dealer never gets an address to write to. After the
 * delivery is recorded, a message the dealer starts needs the buyer's keep-in-touch grant
 * (authorize-dealer-message.ts); a refusal writes nothing.
 */
export async function sendDealerMessage({ actor, dealerId, leadId, body, topic }: TDealerSendMessageInput & { actor: Actor; dealerId: string }) {
  const lead = await leadForDealerOrThrow(dealerId, leadId);
  assertOpen(lead);
  const block = await db.dealerBlock.findUnique({ where: { customerId_dealerId: { customerId: lead.request.customerId, dealerId } }, select: { kind: true } });
  if (block?.kind === "BLOCK") throw conflict("This buyer is not accepting messages from your dealership.");
  await enforceRateLimit(`msg:user:${actor.userId}`, MESSAGE_LIMIT.count, MESSAGE_LIMIT.windowSeconds, "messages");
  return db.$transaction((tx) => postDealerMessage(tx, lead, actor.userId, body, block?.kind ?? null, topic));
}

/**
 * The dealer's side of a message, once its sender is known to speak for the dealer: from the dealer
 * pages (a user) or from the mail relay (senderUserId null: the dealer's CRM mailbox, not a person).
 * After delivery, a message the dealer starts needs the buyer's keep-in-touch grant whichever way it
 * comes: an email through the relay names no topic, so it passes only as an answer to the buyer.
 */
export async function postDealerMessage(tx: Tx, lead: Lead, senderUserId: string | null, body: string, block: "MUTE" | "BLOCK" | null, topic?: KeepInTouchTopic) {
  const kit = isWinningLead(lead) ? await authorizeDealerMessage(tx, { lead, customerId: lead.request.customerId, topic, now: new Date() }) : null;
  const message = await write(tx, lead, "DEALER", senderUserId, body);
  await tx.lead.updateMany({ where: { id: lead.id, firstResponseAt: null }, data: { firstResponseAt: new Date() } });
  // Muted: the message is kept in the thread, but the customer is not pinged about it.
  if (block !== "MUTE") {
    await notify(tx, {
      userId: lead.request.customerId,
      // A reminder under the grant has its own kind, so the buyer's preferences can tell it apart.
      kind: kit ? "keep_in_touch" : "message",
      title: kit ? `${lead.dealer.name} sent you ${TOPIC_ONE[kit.topic]}` : `New message from ${lead.dealer.name}`,
      body: body.slice(0, 140),
      link: `/customer/requests/${lead.requestId}#lead-${lead.id}`,
    });
  }
  return message;
}
