import { db, type Tx } from "~/server/db";
import { conflict, notFound } from "~/server/errors";
import { publish, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";
import { formatCents } from "~/modules/lending/format";
import { addBoughtCarInTx } from "~/modules/garage/add-bought-car";
import { changedLines, finalTotals, type DealLines } from "./lines";
import type { NotDeliveredInput, RecordDeliveryInput } from "./schemas";

const acceptedSelect = {
  id: true, requestId: true, customerId: true, outcome: true, otdCents: true,
  quote: { select: { leadId: true, year: true, make: true, model: true, trim: true, vin: true, mileage: true, vehiclePriceCents: true, feesCents: true, addOnsCents: true, incentivesCents: true, taxCents: true, tradeInOfferCents: true } },
} as const;

/** This dealer's deal, locked for the write, or NOT_FOUND exactly as for a deal that does not exist. */
async function ownDealForUpdate(tx: Tx, dealerId: string, dealId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Deal" WHERE "id" = ${dealId} AND "dealerId" = ${dealerId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("Deal not found.");
  const deal = await tx.deal.findUniqueOrThrow({ where: { id: dealId }, select: acceptedSelect });
  if (deal.outcome) throw conflict("This deal's outcome is already recorded.");
  return deal;
}

/**
 * The dealer records the delivery, once: the final lines, their total (computed here, never typed), the
 * financing used and the optional gross profit. If any line moved, the buyer is asked to confirm or
 * dispute, line by line; otherwise the deal is confirmed. The dealer's price-honoured counts move in the
 * same transaction.
 */
export async function recordDelivery(dealerId: string, input: RecordDeliveryInput) {
  const { dealId, deliveredOn, financingUsed, grossProfitCents, ...final } = input;
  return db.$transaction(async (tx) => {
    const deal = await ownDealForUpdate(tx, dealerId, dealId);
    const { leadId, year, make, model, trim, vin, mileage, ...acceptedLines } = deal.quote;
    const accepted: DealLines & { otdCents: number } = { ...acceptedLines, otdCents: deal.otdCents };
    const { finalOtdCents, priceHonoured } = finalTotals(accepted, final);
    const changes = changedLines(accepted, final);
    const outcome = changes.length === 0 ? "CONFIRMED" : "AWAITING_BUYER";
    await tx.deal.update({
      where: { id: dealId },
      data: {
        outcome, deliveredOn, financingUsed, grossProfitCents: grossProfitCents ?? null, priceHonoured, finalOtdCents, outcomeRecordedAt: new Date(),
        finalVehiclePriceCents: final.vehiclePriceCents, finalFeesCents: final.feesCents, finalAddOnsCents: final.addOnsCents,
        finalIncentivesCents: final.incentivesCents, finalTaxCents: final.taxCents, finalTradeInCents: final.tradeInOfferCents,
      },
      select: { id: true },
    });
    await tx.dealer.update({ where: { id: dealerId }, data: { deliveriesCount: { increment: 1 }, honouredCount: { increment: priceHonoured ? 1 : 0 } }, select: { id: true } });
    // The car the buyer now owns joins their garage, so matching never offers it to them again.
    await addBoughtCarInTx(tx, deal.customerId, dealId, { vin, year, make, model, trim, mileage });
    const car = `${year} ${make} ${model}`;
    await notify(tx, {
      userId: deal.customerId,
      kind: "deal.delivered",
      title: changes.length ? "Please confirm the final price" : "Your delivery is recorded",
      body: changes.length
        ? `The dealer recorded your ${car} at ${formatCents(finalOtdCents)} out the door; you accepted ${formatCents(deal.otdCents)}. Confirm it or dispute it.`
        : `The dealer recorded your ${car} delivered at the accepted ${formatCents(finalOtdCents)}.`,
      link: `/customer/requests/${deal.requestId}`,
    });
    await publish({ topic: topics.request(deal.requestId), type: "deal.updated", id: dealId }, tx);
    await publish({ topic: topics.dealer(dealerId), type: "lead.updated", id: leadId }, tx);
    return { outcome, finalOtdCents, priceHonoured, changes };
  });
}

/** The car was not delivered: the deal is closed with the dealer's reason, which the buyer and the admin see. */
export async function recordNotDelivered(dealerId: string, input: NotDeliveredInput) {
  return db.$transaction(async (tx) => {
    const deal = await ownDealForUpdate(tx, dealerId, input.dealId);
    await tx.deal.update({ where: { id: deal.id }, data: { outcome: "NOT_DELIVERED", notDeliveredReason: input.reason, outcomeRecordedAt: new Date() }, select: { id: true } });
    await notify(tx, { userId: deal.customerId, kind: "deal.not-delivered", title: "The dealer closed your deal without a delivery", body: input.reason, link: `/customer/requests/${deal.requestId}` });
    await publish({ topic: topics.request(deal.requestId), type: "deal.updated", id: deal.id }, tx);
    await publish({ topic: topics.dealer(dealerId), type: "lead.updated", id: deal.quote.leadId }, tx);
    return { outcome: "NOT_DELIVERED" as const };
  });
}
