import { conflict, notFound } from "~/server/errors";
import { db } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { publish, topics } from "~/server/realtime";
import type { WithdrawQuoteInput } from "./schemas";

/** Takes a live quote back (e.g. the car sold); the buyer sees it withdrawn with the reason, lenders stop deciding. */
export async function withdrawQuote(dealerId: string, input: WithdrawQuoteInput) {
  return db.$transaction(async (tx) => {
    const quote = await tx.quote.findFirst({ where: { id: input.quoteId, dealerId }, select: { id: true, requestId: true, leadId: true } });
    if (!quote) throw notFound("Quote not found.");
    const { count } = await tx.quote.updateMany({ where: { id: quote.id, status: "ACTIVE" }, data: { status: "WITHDRAWN", withdrawnReason: input.reason } });
    if (count === 0) throw conflict("Only a live quote can be withdrawn.");
    await enqueue(tx, "lending.cancel-quote", { quoteId: quote.id });
    await publish({ topic: topics.request(quote.requestId), type: "quote.updated", id: quote.id }, tx);
    await publish({ topic: topics.dealer(dealerId), type: "lead.updated", id: quote.leadId }, tx);
    return { id: quote.id, status: "WITHDRAWN" as const };
  });
}
