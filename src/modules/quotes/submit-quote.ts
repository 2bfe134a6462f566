import { badRequest, conflict, isUniqueViolation, notFound } from "~/server/errors";
import { db, type Tx } from "~/server/db";
import { createQuoteInTx } from "./create-quote";
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
  const lead = await tx.lead.findFirst({ where: { id: leadId, dealerId }, select: { id: true, status: true, firstResponseAt: true, firstQuoteAt: true, request: { select: requestForQuoteSelect } } });
  if (!lead) throw notFound("Lead not found.");
  return lead;
}

export async function submitQuote(dealerId: string, input: SubmitQuoteInput) {
  const { leadId, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const lead = await dealerLeadOrNotFound(tx, dealerId, leadId);
      return createQuoteInTx(tx, { dealerId, lead, fields });
    });
  } catch (e) {
    // The partial unique index Quote_one_live_per_lead: a concurrent or repeated submit.
    if (isUniqueViolation(e)) throw conflict("You already have a live quote on this request. Revise it instead.");
    throw e;
  }
}
