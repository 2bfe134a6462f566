import { db } from "~/server/db";
import { changedLines } from "./lines";

/**
 * For the admin: disputed deliveries, newest first (Deal_outcome_outcomeRecordedAt_idx), each with the
 * lines that changed and the buyer's words. The buyer is named by request id only; the admin needs no
 * contact data to see that a price moved.
 */
export async function listDisputes(limit = 50) {
  const rows = await db.deal.findMany({
    where: { outcome: "DISPUTED" },
    orderBy: { outcomeRecordedAt: "desc" },
    take: limit,
    select: {
      id: true, requestId: true, otdCents: true, finalOtdCents: true, deliveredOn: true, disputeReason: true, buyerRespondedAt: true,
      finalVehiclePriceCents: true, finalFeesCents: true, finalAddOnsCents: true, finalIncentivesCents: true, finalTaxCents: true, finalTradeInCents: true,
      dealer: { select: { name: true, city: true, state: true } },
      quote: { select: { year: true, make: true, model: true, vehiclePriceCents: true, feesCents: true, addOnsCents: true, incentivesCents: true, taxCents: true, tradeInOfferCents: true } },
    },
  });
  return rows.map((d) => ({
    id: d.id,
    requestId: d.requestId,
    dealer: `${d.dealer.name}, ${d.dealer.city}, ${d.dealer.state}`,
    car: `${d.quote.year} ${d.quote.make} ${d.quote.model}`,
    acceptedOtdCents: d.otdCents,
    finalOtdCents: d.finalOtdCents!,
    deliveredOn: d.deliveredOn,
    disputedAt: d.buyerRespondedAt,
    reason: d.disputeReason ?? "",
    changes: changedLines(d.quote, finalLinesOf(d)),
  }));
}

/** The final lines of a delivered deal, in the quote's shape. */
export function finalLinesOf(d: { finalVehiclePriceCents: number | null; finalFeesCents: number | null; finalAddOnsCents: number | null; finalIncentivesCents: number | null; finalTaxCents: number | null; finalTradeInCents: number | null }) {
  return {
    vehiclePriceCents: d.finalVehiclePriceCents ?? 0, feesCents: d.finalFeesCents ?? 0, addOnsCents: d.finalAddOnsCents ?? 0,
    incentivesCents: d.finalIncentivesCents ?? 0, taxCents: d.finalTaxCents ?? 0, tradeInOfferCents: d.finalTradeInCents ?? 0,
  };
}
