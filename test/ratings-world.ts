// A real delivered deal for the ratings tests: posted, quoted, accepted and delivered through the procedures.
import { db } from "~/server/db";
import { callerAs, makeCustomer } from "./factories";
import { dealerNorthOf, postRequest, quoteInput } from "./marketplace";

type Dealer = Awaited<ReturnType<typeof dealerNorthOf>>;

/** An accepted deal; `deliver` records the delivery at the accepted lines (CONFIRMED) or, with `raise`, above them (AWAITING_BUYER). */
export async function dealWith(opts: { dealer?: Dealer; deliver?: "confirmed" | "raised" | "not-delivered" | false; firstName?: string } = {}) {
  const buyer = await makeCustomer(opts.firstName ? { firstName: opts.firstName } : {});
  const dealer = opts.dealer ?? (await dealerNorthOf(4));
  const requestId = await postRequest(buyer.id);
  const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } }, select: { id: true } });
  const seller = await callerAs(dealer.ownerId);
  const q = await seller.dealer.submitQuote(quoteInput(lead.id));
  const me = await callerAs(buyer.id);
  const deal = await me.inbox.accept({ quoteId: q.id, version: 1 });
  const lines = await db.quote.findUniqueOrThrow({ where: { id: q.id }, select: { vehiclePriceCents: true, feesCents: true, addOnsCents: true, incentivesCents: true, taxCents: true, tradeInOfferCents: true } });
  const deliver = opts.deliver ?? "confirmed";
  if (deliver === "confirmed" || deliver === "raised") {
    await seller.delivery.record({ dealId: deal.id, deliveredOn: new Date(), financingUsed: "CASH", ...lines, feesCents: lines.feesCents + (deliver === "raised" ? 10_000 : 0) });
  } else if (deliver === "not-delivered") {
    await seller.delivery.notDelivered({ dealId: deal.id, reason: "The buyer changed their mind." });
  }
  return { buyer, dealer, requestId, leadId: lead.id, seller, me, dealId: deal.id };
}

export const dealerCounters = (dealerId: string) =>
  db.dealer.findUniqueOrThrow({
    where: { id: dealerId },
    select: { ratingCount: true, ratingStarsSum: true, ratingPriceAsQuotedCount: true, ratingFeesAsQuotedCount: true, ratingNoPressureCount: true, ratingSpeedCount: true, ratingCommunicationCount: true },
  });
