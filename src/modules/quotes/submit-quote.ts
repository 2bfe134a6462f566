import { badRequest, conflict, forbidden, isUniqueViolation, notFound } from "~/server/errors";
import { db, type Tx } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { publish, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";
import { isLive } from "~/modules/requests/status";
import { computeQuoteTotals } from "./pricing";
import { conditionAnswers, type QuoteFields, type SubmitQuoteInput } from "./schemas";

/** The stored columns of a priced vehicle, with the totals computed here and nowhere else. */
export function pricedColumns(fields: QuoteFields, request: { downPaymentCents: number; tradeInYear: number | null; condition: "NEW" | "USED" | "ANY" }) {
  if (!conditionAnswers(request.condition, fields.condition)) {
    const asked = request.condition === "NEW" ? "a new car" : "a used car";
    throw badRequest(`This buyer asked for ${asked}.`, { condition: `This buyer asked for ${asked}; quote one that is.` });
  }
  if (request.tradeInYear == null && fields.tradeInOfferCents > 0) throw badRequest("This buyer has no trade-in.", { tradeInOfferCents: "This buyer has no trade-in; leave it at 0." });
  const totals = computeQuoteTotals(fields, request.downPaymentCents);
  return {
    year: fields.year, make: fields.make, model: fields.model, trim: fields.trim || null, vin: fields.vin, condition: fields.condition, mileage: fields.mileage, inStock: fields.inStock,
    vehiclePriceCents: fields.vehiclePriceCents, feesCents: fields.feesCents, addOnsCents: fields.addOnsCents, incentivesCents: fields.incentivesCents,
    tradeInOfferCents: fields.tradeInOfferCents, taxCents: fields.taxCents, validUntil: fields.validUntil, ...totals,
  };
}

export const requestForQuoteSelect = { id: true, customerId: true, status: true, expiresAt: true, version: true, downPaymentCents: true, tradeInYear: true, condition: true } as const;

/** Loads a lead of this dealer's, or NOT_FOUND exactly as if it did not exist. */
export async function dealerLeadOrNotFound(tx: Tx, dealerId: string, leadId: string) {
  const lead = await tx.lead.findFirst({ where: { id: leadId, dealerId }, select: { id: true, status: true, firstResponseAt: true, request: { select: requestForQuoteSelect } } });
  if (!lead) throw notFound("Lead not found.");
  return lead;
}

export async function submitQuote(dealerId: string, input: SubmitQuoteInput) {
  const { leadId, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const lead = await dealerLeadOrNotFound(tx, dealerId, leadId);
      // Only verified dealers quote: buyers are never shown an offer from a dealership nobody checked.
      const dealer = await tx.dealer.findUnique({ where: { id: dealerId }, select: { verified: true } });
      if (!dealer?.verified) throw forbidden("Your dealership is not verified yet. You can quote once Keyturn has verified it.");
      if (!isLive(lead.request) || lead.status === "CLOSED" || lead.status === "WON") throw conflict("This request is closed.");
      if (lead.status === "PASSED") throw conflict("You passed on this lead.");
      const columns = pricedColumns(fields, lead.request);
      const quote = await tx.quote.create({
        data: { ...columns, leadId, requestId: lead.request.id, dealerId, requestVersion: lead.request.version },
        select: { id: true, version: true, otdCents: true, amountFinancedCents: true },
      });
      await tx.quoteRevision.create({ data: { quoteId: quote.id, version: 1, snapshot: { ...columns, validUntil: columns.validUntil.toISOString() } } });
      await tx.lead.update({ where: { id: leadId }, data: { status: "QUOTED", firstResponseAt: lead.firstResponseAt ?? new Date() } });
      await enqueue(tx, "lending.pre-approve-quote", { quoteId: quote.id });
      await publish({ topic: topics.request(lead.request.id), type: "quote.created", id: quote.id }, tx);
      await publish({ topic: topics.dealer(dealerId), type: "lead.updated", id: leadId }, tx);
      await notify(tx, { userId: lead.request.customerId, kind: "quote.created", title: "A new quote arrived", body: `${columns.year} ${columns.make} ${columns.model}`, link: `/customer/requests/${lead.request.id}` });
      return quote;
    });
  } catch (e) {
    // The partial unique index Quote_one_live_per_lead: a concurrent or repeated submit.
    if (isUniqueViolation(e)) throw conflict("You already have a live quote on this request. Revise it instead.");
    throw e;
  }
}
