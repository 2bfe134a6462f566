import { db } from "~/server/db";
import type { Actor } from "~/server/auth/session";
import { publish, topics } from "~/server/realtime";
import { leadForCustomerOrThrow, leadForDealerOrThrow } from "~/modules/messaging/access";

/** Marks the dealer's messages on this lead as read by the customer. */
export async function markReadByCustomer({ actor, leadId }: { actor: Actor; leadId: string }) {
  const lead = await leadForCustomerOrThrow(actor.userId, leadId);
  const { count } = await db.message.updateMany({ where: { thread: { leadId }, senderType: { not: "CUSTOMER" }, readAt: null }, data: { readAt: new Date() } });
  if (count > 0) await publish({ topic: topics.request(lead.requestId), type: "message.read", id: leadId });
  return { marked: count };
}

/** Marks the buyer's messages on this lead as read by the dealer. */
export async function markReadByDealer({ dealerId, leadId }: { dealerId: string; leadId: string }) {
  await leadForDealerOrThrow(dealerId, leadId);
  const { count } = await db.message.updateMany({ where: { thread: { leadId }, senderType: "CUSTOMER", readAt: null }, data: { readAt: new Date() } });
  if (count > 0) await publish({ topic: topics.dealer(dealerId), type: "message.read", id: leadId });
  return { marked: count };
}
