// The world around the integrator: Ava posts a request sharing her credit with lenders and dealer1 quotes
// it (the rows helper A's forms write), then the quote's pre-approval job is enqueued exactly as
// submit-quote does. Everything the lender does goes through the console UI and the HTTP API.
import { db } from "../../src/server/db";
import { enqueue } from "../../src/server/jobs/queue";
import { emitLenderEvent } from "../../src/modules/lender-api/emit-lender-event";
import { CREDIT_SHARE_VERSION, creditShareText } from "../../src/modules/consent/texts";

/**
 * With `waitingOn` (a lender's sign-in email), the quote's pre-approval request is placed with that lender
 * alone and left pending for a person, instead of being sent to every suitable lender by the job.
 */
export async function quotedRequestSharingCredit(model: string, opts: { waitingOn?: string } = {}) {
  const customer = await db.user.findUniqueOrThrow({ where: { email: "ava@demo.keyturn" }, select: { id: true } });
  const dealer = await db.membership.findFirstOrThrow({ where: { user: { email: "dealer1@demo.keyturn" } }, select: { dealerId: true } });
  const expiresAt = new Date(Date.now() + 14 * 86_400_000);
  return db.$transaction(async (tx) => {
    const request = await tx.request.create({
      data: {
        customerId: customer.id, bodyType: "SUV", condition: "NEW", makes: ["Toyota"], model, features: [], wantsFinancing: true, termMonths: 60,
        downPaymentCents: 300_000, creditTier: "SUPER_PRIME", zip: "85004", city: "Phoenix", state: "AZ", lat: 33.45, lng: -112.07, radiusMiles: 30,
        timeline: "ASAP", expiresAt,
      },
      select: { id: true },
    });
    const consent = await tx.consentRecord.create({
      data: { userId: customer.id, kind: "CREDIT_SHARE", textVersion: CREDIT_SHARE_VERSION, textShown: creditShareText("ALL"), requestId: request.id },
      select: { id: true },
    });
    await tx.consentGrant.create({
      data: { customerId: customer.id, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT", "INCOME"], purpose: `Pre-approval for request ${request.id}`, requestId: request.id, consentId: consent.id, expiresAt },
    });
    const lead = await tx.lead.create({ data: { requestId: request.id, dealerId: dealer.dealerId!, bodyType: "SUV", distanceMiles: 2, matchReasons: {}, buyerAlias: "Buyer LAPI", status: "QUOTED" }, select: { id: true } });
    const quote = await tx.quote.create({
      data: {
        leadId: lead.id, requestId: request.id, dealerId: dealer.dealerId!, requestVersion: 1, year: 2025, make: "Toyota", model, trim: "XLE", vin: "2T3P1RFV8RW000777", condition: "NEW",
        mileage: 12, inStock: true, vehiclePriceCents: 3_400_000, feesCents: 60_000, addOnsCents: 0, incentivesCents: 0, tradeInOfferCents: 0,
        taxCents: 280_000, otdCents: 3_740_000, amountFinancedCents: 3_440_000, validUntil: expiresAt,
      },
      select: { id: true },
    });
    if (opts.waitingOn) {
      const lender = await tx.membership.findFirstOrThrow({ where: { user: { email: opts.waitingOn } }, select: { lender: { select: { id: true, name: true } } } });
      const pa = await tx.preApproval.create({
        data: { quoteId: quote.id, requestId: request.id, lenderId: lender.lender!.id, quoteVersion: 1, amountCents: 3_440_000, expiresAt: new Date(Date.now() + 3 * 86_400_000) },
        select: { id: true },
      });
      // As the pre-approval job does for a lender without a policy: the event reaches its webhook, if any,
      // and its open console.
      await emitLenderEvent(tx, { lenderId: lender.lender!.id, type: "pre_approval.requested", data: { pre_approval_id: pa.id, request_id: request.id, quote_id: quote.id, quote_version: 1, amount_cents: 3_440_000 } });
      return { requestId: request.id, quoteId: quote.id, lenderName: lender.lender!.name, preApprovalId: pa.id };
    }
    await enqueue(tx, "lending.pre-approve-quote", { quoteId: quote.id });
    return { requestId: request.id, quoteId: quote.id, lenderName: null, preApprovalId: null };
  });
}
