import { computeQuoteTotals, type PriceBreakdown } from "~/modules/quotes/pricing";

/** The price lines a deal was accepted at, or delivered at. Cents. */
export type DealLines = PriceBreakdown;

export const LINE_LABELS: Record<keyof DealLines, string> = {
  vehiclePriceCents: "Vehicle price",
  feesCents: "Dealer fees",
  addOnsCents: "Add-ons",
  incentivesCents: "Incentives and rebates",
  taxCents: "Taxes",
  tradeInOfferCents: "Trade-in credit",
};

export type LineChange = { line: keyof DealLines; label: string; acceptedCents: number; finalCents: number; deltaCents: number };

/**
 * Each line whose final amount differs from the accepted one, in the order the quote lists them. Only
 * lines, never the total: the buyer sees exactly what moved.
 */
export function changedLines(accepted: DealLines, final: DealLines): LineChange[] {
  return (Object.keys(LINE_LABELS) as (keyof DealLines)[])
    .filter((k) => accepted[k] !== final[k])
    .map((k) => ({ line: k, label: LINE_LABELS[k], acceptedCents: accepted[k], finalCents: final[k], deltaCents: final[k] - accepted[k] }));
}

/**
 * The final out-the-door total (pricing.ts) and whether the price was honoured: the buyer paid no more
 * than the accepted total and got no less for the trade-in than quoted. A lower price counts as honoured;
 * any changed line still goes to the buyer to confirm.
 */
export function finalTotals(accepted: DealLines & { otdCents: number }, final: DealLines) {
  const { otdCents } = computeQuoteTotals(final, 0);
  return { finalOtdCents: otdCents, priceHonoured: otdCents <= accepted.otdCents && final.tradeInOfferCents >= accepted.tradeInOfferCents };
}

/** "9 of 10 deliveries at the quoted price", or null before the dealer has delivered anything. */
export function priceHonouredText(deliveries: number, honoured: number) {
  if (deliveries === 0) return null;
  return `${honoured} of ${deliveries} ${deliveries === 1 ? "delivery" : "deliveries"} at the accepted price`;
}
