import { conflict, notFound } from "~/server/errors";
import { db } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { publish, topics } from "~/server/realtime";
import { isLive } from "~/modules/requests/status";
import type { ReviseQuoteInput } from "./schemas";
import { pricedColumns, requestForQuoteSelect } from "./submit-quote";

/**
 * Replaces a live quote's vehicle and prices, keeping the old version in QuoteRevision. The caller names
 * the version it edited, so two people revising at once cannot silently overwrite each other. A revision
 * also re-confirms the quote against the request's current terms.
 */
export async function reviseQuote(dealerId: string, input: ReviseQuoteInput) {
  const { quoteId, version, ...fields } = input;
  return db.$transaction(async (tx) => {
    const quote = await tx.quote.findFirst({ where: { id: quoteId, dealerId }, select: { id: true, status: true, leadId: true, request: { select: requestForQuoteSelect } } });
    if (!quote) throw notFound("Quote not found.");
    if (quote.status !== "ACTIVE") throw conflict("Only a live quote can be revised.");
    if (!isLive(quote.request)) throw conflict("This request is closed.");
    const columns = pricedColumns(fields, quote.request);
    const updated = await tx.quote.updateManyAndReturn({
      where: { id: quoteId, version, status: "ACTIVE" },
      data: { ...columns, version: { increment: 1 }, requestVersion: quote.request.version, needsReconfirm: false },
      select: { id: true, version: true, otdCents: true, amountFinancedCents: true },
    });
    const q = updated[0];
    if (!q) throw conflict("This quote was changed by someone else. Reload to see the latest version.");
    await tx.quoteRevision.create({ data: { quoteId, version: q.version, snapshot: { ...columns, validUntil: columns.validUntil.toISOString() } } });
    await enqueue(tx, "lending.pre-approve-quote", { quoteId });
    await publish({ topic: topics.request(quote.request.id), type: "quote.updated", id: quoteId }, tx);
    await publish({ topic: topics.dealer(dealerId), type: "lead.updated", id: quote.leadId }, tx);
    return q;
  });
}
