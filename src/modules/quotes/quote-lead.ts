import { badRequest, notFound } from "~/server/errors";
import type { Tx } from "~/server/db";
import { buyerTermsSelect, termBreaches, type BuyerTerms } from "~/modules/requests/buyer-terms";
import { computeQuoteTotals } from "./pricing";
import { conditionAnswers, type QuoteFields } from "./schemas";

/** The stored columns of a priced vehicle, with the totals computed here and nowhere else. */
export function pricedColumns(fields: QuoteFields, request: { downPaymentCents: number; tradeInYear: number | null; condition: "NEW" | "USED" | "ANY" } & BuyerTerms, now = new Date()) {
  if (!conditionAnswers(request.condition, fields.condition)) {
    const asked = request.condition === "NEW" ? "a new car" : "a used car";
    throw badRequest(`This buyer asked for ${asked}.`, { condition: `This buyer asked for ${asked}; quote one that is.` });
  }
  if (request.tradeInYear == null && fields.tradeInOfferCents > 0) throw badRequest("This buyer has no trade-in.", { tradeInOfferCents: "This buyer has no trade-in; leave it at 0." });
  // The buyer's own terms, each refusal beside the line that breaks it; checked on every way of quoting.
  const breaches = termBreaches(request, fields, now);
  const broken = Object.keys(breaches).length;
  if (broken > 0) throw badRequest(broken === 1 ? `${Object.values(breaches)[0]}` : `This quote breaks ${broken} of the buyer's terms.`, breaches);
  const totals = computeQuoteTotals(fields, request.downPaymentCents);
  return {
    year: fields.year, make: fields.make, model: fields.model, trim: fields.trim || null, vin: fields.vin, condition: fields.condition, mileage: fields.mileage, inStock: fields.inStock,
    vehiclePriceCents: fields.vehiclePriceCents, feesCents: fields.feesCents, addOnsCents: fields.addOnsCents, incentivesCents: fields.incentivesCents,
    tradeInOfferCents: fields.tradeInOfferCents, taxCents: fields.taxCents, validUntil: fields.validUntil, ...totals,
  };
}

export const requestForQuoteSelect = {
  id: true, customerId: true, status: true, expiresAt: true, version: true, downPaymentCents: true, tradeInYear: true, condition: true, ...buyerTermsSelect,
} as const;

/** Loads a lead of this dealer's, or NOT_FOUND exactly as if it did not exist. */
export async function dealerLeadOrNotFound(tx: Tx, dealerId: string, leadId: string) {
  const lead = await tx.lead.findFirst({ where: { id: leadId, dealerId }, select: { id: true, status: true, firstResponseAt: true, firstQuoteAt: true, request: { select: requestForQuoteSelect } } });
  if (!lead) throw notFound("Lead not found.");
  return lead;
}
