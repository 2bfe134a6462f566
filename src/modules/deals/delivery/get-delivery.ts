import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import { changedLines, type DealLines } from "./lines";
import { finalLinesOf } from "./list-disputes";

const deliverySelect = {
  id: true, otdCents: true, outcome: true, deliveredOn: true, finalOtdCents: true, financingUsed: true, priceHonoured: true,
  disputeReason: true, notDeliveredReason: true, outcomeRecordedAt: true, buyerRespondedAt: true,
  finalVehiclePriceCents: true, finalFeesCents: true, finalAddOnsCents: true, finalIncentivesCents: true, finalTaxCents: true, finalTradeInCents: true,
  quote: { select: { vehiclePriceCents: true, feesCents: true, addOnsCents: true, incentivesCents: true, taxCents: true, tradeInOfferCents: true } },
} satisfies Prisma.DealSelect;

type Row = Prisma.DealGetPayload<{ select: typeof deliverySelect }>;

function shape(d: Row) {
  const accepted: DealLines = d.quote;
  const delivered = d.outcome && d.outcome !== "NOT_DELIVERED";
  return {
    dealId: d.id,
    outcome: d.outcome,
    acceptedOtdCents: d.otdCents,
    accepted,
    final: delivered ? finalLinesOf(d) : null,
    finalOtdCents: d.finalOtdCents,
    changes: delivered ? changedLines(accepted, finalLinesOf(d)) : [],
    deliveredOn: d.deliveredOn,
    financingUsed: d.financingUsed,
    priceHonoured: d.priceHonoured,
    disputeReason: d.disputeReason,
    notDeliveredReason: d.notDeliveredReason,
    recordedAt: d.outcomeRecordedAt,
    buyerRespondedAt: d.buyerRespondedAt,
  };
}

/** The deal on one of this dealer's leads, with its delivery; null before acceptance; NOT_FOUND for another dealer's lead. */
export async function getDeliveryForDealer(dealerId: string, leadId: string) {
  const lead = await db.lead.findFirst({ where: { id: leadId, dealerId }, select: { id: true, status: true, requestId: true } });
  if (!lead) throw notFound("Lead not found.");
  if (lead.status !== "WON") return null;
  const deal = await db.deal.findFirst({ where: { requestId: lead.requestId, dealerId }, select: deliverySelect });
  return deal ? shape(deal) : null;
}

/** The buyer's own deal's delivery on a request; null before acceptance. */
export async function getDeliveryForCustomer(customerId: string, requestId: string) {
  const deal = await db.deal.findFirst({ where: { requestId, customerId }, select: deliverySelect });
  return deal ? shape(deal) : null;
}

export type DeliveryView = ReturnType<typeof shape>;
