import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import { publishMany, topics } from "~/server/realtime";

/**
 * The buyer takes back a request's "tell dealers I've bought before": the opt-in row goes, so the
 * "Returning Keyturn buyer" badge is gone from that request's leads on the dealers' next read, and their
 * open pages are told to read again. Another buyer's request, or one without the opt-in, is NOT_FOUND.
 */
export async function stopReturningBuyer(customerId: string, requestId: string) {
  return db.$transaction(async (tx) => {
    const gone = await tx.returningBuyerShare.deleteMany({ where: { requestId, customerId } });
    if (gone.count === 0) throw notFound("That request does not tell dealers anything about you.");
    const leads = await tx.lead.findMany({ where: { requestId }, select: { id: true, dealerId: true } });
    await publishMany(leads.map((l) => ({ topic: topics.dealer(l.dealerId), type: "lead.updated", id: l.id })), tx);
    return { stopped: true as const };
  });
}
