import { conflict, notFound } from "~/server/errors";
import { db } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { publish, publishMany, topics } from "~/server/realtime";
import { isLive } from "./status";

/** Cancels an open request: its leads close, live quotes are declined and their financing requests withdrawn. */
export async function cancelRequest(customerId: string, requestId: string) {
  return db.$transaction(async (tx) => {
    const current = await tx.request.findFirst({ where: { id: requestId, customerId }, select: { id: true, status: true, expiresAt: true } });
    if (!current) throw notFound("Request not found.");
    if (!isLive(current)) throw conflict("This request is already closed.");
    await tx.request.update({ where: { id: requestId }, data: { status: "CANCELLED" } });
    const leads = await tx.lead.updateManyAndReturn({
      where: { requestId, status: { notIn: ["CLOSED", "WON"] } },
      data: { status: "CLOSED", closedReason: "The buyer cancelled this request." },
      select: { id: true, dealerId: true },
    });
    const quotes = await tx.quote.updateManyAndReturn({ where: { requestId, status: "ACTIVE" }, data: { status: "DECLINED" }, select: { id: true } });
    for (const q of quotes) await enqueue(tx, "lending.cancel-quote", { quoteId: q.id });
    await publishMany(leads.map((l) => ({ topic: topics.dealer(l.dealerId), type: "lead.closed", id: l.id })), tx);
    await publish({ topic: topics.request(requestId), type: "request.cancelled", id: requestId }, tx);
    return { id: requestId, closedLeads: leads.length };
  });
}
