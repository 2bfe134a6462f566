// A real accepted deal for the after-the-deal tests (delivery, garage, ratings): posted, quoted, accepted
// and, on request, delivered, all through the procedures.
import { db } from "~/server/db";
import { callerAs, makeCustomer } from "./factories";
import { dealerNorthOf, postRequest, quoteInput } from "./marketplace";

type Dealer = Awaited<ReturnType<typeof dealerNorthOf>>;

/** Posted by a new buyer, quoted by the dealer (with `quote` over the standard lines), accepted (cash). */
export async function acceptedDeal(opts: { dealer?: Dealer; firstName?: string; quote?: Record<string, unknown> } = {}) {
  const buyer = await makeCustomer(opts.firstName ? { firstName: opts.firstName } : {});
  const dealer = opts.dealer ?? (await dealerNorthOf(4));
  const requestId = await postRequest(buyer.id);
  const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } }, select: { id: true } });
  const seller = await callerAs(dealer.ownerId);
  const q = await seller.dealer.submitQuote(quoteInput(lead.id, opts.quote));
  const me = await callerAs(buyer.id);
  const deal = await me.inbox.accept({ quoteId: q.id, version: 1 });
  const { otdCents, ...lines } = await db.quote.findUniqueOrThrow({
    where: { id: q.id },
    select: { vehiclePriceCents: true, feesCents: true, addOnsCents: true, incentivesCents: true, taxCents: true, tradeInOfferCents: true, otdCents: true },
  });
  return { buyer, dealer, requestId, leadId: lead.id, seller, me, dealId: deal.id, lines, otdCents };
}

/** An accepted deal; `deliver` records the delivery at the accepted lines (CONFIRMED) or, with "raised", above them (AWAITING_BUYER). */
export async function dealWith(opts: { dealer?: Dealer; deliver?: "confirmed" | "raised" | "not-delivered" | false; firstName?: string } = {}) {
  const w = await acceptedDeal(opts);
  const deliver = opts.deliver ?? "confirmed";
  if (deliver === "confirmed" || deliver === "raised") {
    await w.seller.delivery.record({ dealId: w.dealId, deliveredOn: new Date(), financingUsed: "CASH", ...w.lines, feesCents: w.lines.feesCents + (deliver === "raised" ? 10_000 : 0) });
  } else if (deliver === "not-delivered") {
    await w.seller.delivery.notDelivered({ dealId: w.dealId, reason: "The buyer changed their mind." });
  }
  return w;
}

export const dealerCounters = (dealerId: string) =>
  db.dealer.findUniqueOrThrow({
    where: { id: dealerId },
    select: { ratingCount: true, ratingStarsSum: true, ratingPriceAsQuotedCount: true, ratingFeesAsQuotedCount: true, ratingNoPressureCount: true, ratingSpeedCount: true, ratingCommunicationCount: true },
  });
