import { badRequest, conflict, forbidden } from "~/server/errors";
import { inBuyersGarage } from "~/modules/garage/in-garage";
import type { Tx } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { publish, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";
import { isLive } from "~/modules/requests/status";
import { pricedColumns, type dealerLeadOrNotFound } from "./quote-lead";
import type { QuoteFields } from "./schemas";

export const OWNS_THIS_CAR = "This buyer already owns this car (it is in their garage).";

type LoadedLead = Awaited<ReturnType<typeof dealerLeadOrNotFound>>;

export type CreateQuote = {
  dealerId: string;
  /** The dealer's own lead, loaded by dealerLeadOrNotFound (so the access check has already happened). */
  lead: LoadedLead;
  fields: QuoteFields;
  /** The stock unit the quote is made from; its sale or price change later flags the quote. */
  inventoryUnitId?: string | null;
  /** Sent by the dealer's automatic rule rather than by a person. */
  autoSent?: boolean;
};

/**
 * Creates a quote inside the caller's transaction: checks the dealer may quote this lead, stores the
 * priced columns (totals computed by pricing.ts), its first revision, the lead's first-quote times, and
 * enqueues the pre-approval and the live events in the same transaction. Every way of quoting (the form,
 * a click on a stock unit, the automatic rule) goes through here.
 */
export async function createQuoteInTx(tx: Tx, { dealerId, lead, fields, inventoryUnitId = null, autoSent = false }: CreateQuote) {
  // Only verified dealers quote: buyers are never shown an offer from a dealership nobody checked.
  const dealer = await tx.dealer.findUnique({ where: { id: dealerId }, select: { verified: true } });
  if (!dealer?.verified) throw forbidden("Your dealership is not verified yet. You can quote once Keyturn has verified it.");
  if (!isLive(lead.request) || lead.status === "CLOSED" || lead.status === "WON") throw conflict("This request is closed.");
  if (lead.status === "PASSED") throw conflict("You passed on this lead.");
  const columns = pricedColumns(fields, lead.request);
  if (await inBuyersGarage(tx, lead.request.customerId, columns.vin)) throw badRequest(OWNS_THIS_CAR, { vin: OWNS_THIS_CAR });
  const quote = await tx.quote.create({
    data: { ...columns, leadId: lead.id, requestId: lead.request.id, dealerId, requestVersion: lead.request.version, inventoryUnitId, autoSent },
    select: { id: true, version: true, otdCents: true, amountFinancedCents: true },
  });
  await tx.quoteRevision.create({ data: { quoteId: quote.id, version: 1, snapshot: { ...columns, validUntil: columns.validUntil.toISOString() } } });
  const now = new Date();
  await tx.lead.update({ where: { id: lead.id }, data: { status: "QUOTED", firstResponseAt: lead.firstResponseAt ?? now, firstQuoteAt: lead.firstQuoteAt ?? now } });
  await enqueue(tx, "lending.pre-approve-quote", { quoteId: quote.id });
  if (!lead.firstQuoteAt) await enqueue(tx, "dealers.refresh-response-stats", { dealerId });
  await publish({ topic: topics.request(lead.request.id), type: "quote.created", id: quote.id }, tx);
  await publish({ topic: topics.dealer(dealerId), type: "lead.updated", id: lead.id }, tx);
  const car = `${columns.year} ${columns.make} ${columns.model}`;
  await notify(tx, { userId: lead.request.customerId, kind: "quote.created", title: autoSent ? "A new quote arrived (sent automatically)" : "A new quote arrived", body: car, link: `/customer/requests/${lead.request.id}` });
  return quote;
}
