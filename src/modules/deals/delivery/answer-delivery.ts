import type { Actor } from "~/server/auth/session";
import { db } from "~/server/db";
import { conflict, notFound } from "~/server/errors";
import { publish, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";
import type { AnswerDeliveryInput } from "./schemas";

/**
 * The buyer confirms or disputes a final price that differs from the one accepted. Only their own deal,
 * only while it waits for them (a conditional update, so two answers cannot both land). A dispute goes to
 * the admin's list with the buyer's words; the dealer is told.
 */
export async function answerDelivery({ actor, ...input }: AnswerDeliveryInput & { actor: Actor }) {
  const disputed = input.answer === "DISPUTE";
  return db.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { id: input.dealId, customerId: actor.userId }, select: { id: true, requestId: true, dealerId: true, outcome: true, quote: { select: { leadId: true } } } });
    if (!deal) throw notFound("Deal not found.");
    const done = await tx.deal.updateMany({
      where: { id: deal.id, outcome: "AWAITING_BUYER" },
      data: { outcome: disputed ? "DISPUTED" : "CONFIRMED", buyerRespondedAt: new Date(), disputeReason: disputed ? input.reason : null },
    });
    if (done.count === 0) throw conflict(deal.outcome ? "You have already answered, or there was nothing to confirm." : "The dealer has not recorded the delivery yet.");
    const members = await tx.membership.findMany({ where: { dealerId: deal.dealerId }, select: { userId: true } });
    for (const m of members) {
      await notify(tx, {
        userId: m.userId,
        kind: disputed ? "deal.disputed" : "deal.confirmed",
        title: disputed ? "A buyer disputed the final price" : "The buyer confirmed the final price",
        body: disputed ? "Keyturn's team can see the dispute and the lines that changed." : "The delivery is confirmed.",
        link: `/dealer/leads/${deal.quote.leadId}`,
        email: disputed,
      });
    }
    await publish({ topic: topics.dealer(deal.dealerId), type: "lead.updated", id: deal.quote.leadId }, tx);
    await publish({ topic: topics.request(deal.requestId), type: "deal.updated", id: deal.id }, tx);
    return { outcome: disputed ? ("DISPUTED" as const) : ("CONFIRMED" as const) };
  });
}
