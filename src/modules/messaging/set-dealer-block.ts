import { db } from "~/server/db";
import type { Actor } from "~/server/auth/session";
import { publish, topics } from "~/server/realtime";
import { leadForCustomerOrThrow } from "~/modules/messaging/access";
import type { TSetDealerBlockInput } from "~/modules/messaging/schemas";

/**
 * Mutes (no more pings) or blocks (no more messages, and request matching skips the dealer) the dealer
 * behind one of the customer's leads; `kind: null` lifts it. The customer never handles dealer ids.
 */
export async function setDealerBlock({ actor, leadId, kind }: TSetDealerBlockInput & { actor: Actor }) {
  const lead = await leadForCustomerOrThrow(actor.userId, leadId);
  const key = { customerId_dealerId: { customerId: actor.userId, dealerId: lead.dealerId } };
  if (kind === null) {
    await db.dealerBlock.deleteMany({ where: { customerId: actor.userId, dealerId: lead.dealerId } });
  } else {
    await db.dealerBlock.upsert({ where: key, create: { customerId: actor.userId, dealerId: lead.dealerId, kind }, update: { kind } });
  }
  await publish({ topic: topics.lead(lead.id), type: "thread.block", id: lead.id });
  return { kind };
}
