/** The priced parts of a quote as the dealer enters them, in integer cents. */
export type PriceBreakdown = {
  vehiclePriceCents: number;
  feesCents: number;
  addOnsCents: number;
  incentivesCents: number;
  taxCents: number;
  tradeInOfferCents: number;
};

export type QuoteTotals = { otdCents: number; amountFinancedCents: number };

/**
 * Out-the-door and amount financed, always computed here, never typed by the dealer:
 *   OTD = vehicle + fees + add-ons − incentives + tax
 *   amount financed = max(0, OTD − the buyer's down payment − the trade-in offer)
 * Inputs are validated integers (see quoteFields), so the arithmetic is exact.
 */
export function computeQuoteTotals(p: PriceBreakdown, downPaymentCents: number): QuoteTotals {
  const parts = { vehiclePriceCents: p.vehiclePriceCents, feesCents: p.feesCents, addOnsCents: p.addOnsCents, incentivesCents: p.incentivesCents, taxCents: p.taxCents, tradeInOfferCents: p.tradeInOfferCents, downPaymentCents };
  for (const [k, v] of Object.entries(parts)) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${k} must be a non-negative whole number of cents`);
  }
  const otdCents = p.vehiclePriceCents + p.feesCents + p.addOnsCents - p.incentivesCents + p.taxCents;
  if (otdCents < 0) throw new RangeError("incentives cannot exceed the price");
  return { otdCents, amountFinancedCents: Math.max(0, otdCents - downPaymentCents - p.tradeInOfferCents) };
}
