// Scenario rows for the consent journeys, written straight into the e2e database. The customer's own
// actions (revoking, making a counter key) go through the UI in the specs; this only builds the world
// around them: a request with its credit-share consent (the rows helper A's form writes), a dealer's
// quote, a lender's pending pre-approval and a live API key, or an accepted deal.
import { db } from "../../src/server/db";
import { CREDIT_SHARE_VERSION, creditShareText } from "../../src/modules/consent/texts";
import { createApiKey } from "../../src/modules/lender-api/api-keys";
import { createCounterKey } from "../../src/modules/consent/counter-key";
import { acceptQuote } from "../../src/modules/deals/accept-quote";

const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const orgOf = async (email: string) =>
  db.membership.findFirstOrThrow({ where: { user: { email } }, select: { dealerId: true, lenderId: true, dealer: { select: { name: true } }, lender: { select: { name: true } } } });

async function requestWithQuote(customerEmail: string, dealerEmail: string, over: { status?: "OPEN" | "ACCEPTED"; model: string }) {
  const customerId = await userId(customerEmail);
  const dealer = await orgOf(dealerEmail);
  const expiresAt = new Date(Date.now() + 14 * 86_400_000);
  const request = await db.request.create({
    data: {
      customerId, status: over.status ?? "OPEN", bodyType: "SUV", condition: "NEW", makes: ["Toyota"], model: over.model, features: [],
      wantsFinancing: true, zip: "85004", city: "Phoenix", state: "AZ", lat: 33.45, lng: -112.07, radiusMiles: 30, timeline: "ASAP", expiresAt,
    },
    select: { id: true },
  });
  const lead = await db.lead.create({ data: { requestId: request.id, dealerId: dealer.dealerId!, bodyType: "SUV", status: over.status === "ACCEPTED" ? "WON" : "NEW", distanceMiles: 2, matchReasons: {}, buyerAlias: "Buyer E2E" }, select: { id: true } });
  const quote = await db.quote.create({
    data: {
      leadId: lead.id, requestId: request.id, dealerId: dealer.dealerId!, requestVersion: 1, year: 2025, make: "Toyota", model: over.model, vin: "2T3P1RFV8RW000001", condition: "NEW",
      mileage: 12, inStock: true, vehiclePriceCents: 3_400_000, feesCents: 60_000, addOnsCents: 0, incentivesCents: 0, tradeInOfferCents: 0,
      taxCents: 280_000, otdCents: 3_740_000, amountFinancedCents: 3_740_000, validUntil: expiresAt,
    },
    select: { id: true },
  });
  return { customerId, dealer, requestId: request.id, quoteId: quote.id, expiresAt };
}

/** Ava shares her credit with lenders on a new request; lender1 has a pending pre-approval and a live key. */
export async function creditShareScenario() {
  const { customerId, requestId, quoteId, expiresAt } = await requestWithQuote("ava@demo.keyturn", "dealer1@demo.keyturn", { model: "RAV4" });
  const consent = await db.consentRecord.create({
    data: { userId: customerId, kind: "CREDIT_SHARE", textVersion: CREDIT_SHARE_VERSION, textShown: creditShareText("ALL"), requestId },
    select: { id: true },
  });
  await db.consentGrant.create({
    data: { customerId, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT", "INCOME"], purpose: `Pre-approval for request ${requestId}`, requestId, consentId: consent.id, expiresAt },
  });
  const lender = await orgOf("lender1@demo.keyturn");
  const preApproval = await db.preApproval.create({
    data: { quoteId, requestId, lenderId: lender.lenderId!, quoteVersion: 1, amountCents: 3_740_000, expiresAt },
    select: { id: true },
  });
  const key = await createApiKey(lender.lenderId!, { name: "e2e consent", mode: "LIVE" });
  return { preApprovalId: preApproval.id, apiKey: key.secret, lenderName: lender.lender!.name };
}

/** Ben accepted dealer1's quote: a deal exists, so he can hand the dealer's desk a key. */
export async function acceptedDealScenario(customerEmail: string) {
  const { customerId, dealer, requestId, quoteId } = await requestWithQuote(customerEmail, "dealer1@demo.keyturn", { status: "ACCEPTED", model: "Highlander" });
  const deal = await db.deal.create({ data: { requestId, quoteId, customerId, dealerId: dealer.dealerId!, quoteVersion: 1, otdCents: 3_740_000 }, select: { id: true } });
  return { customerId, dealId: deal.id, dealerName: dealer.dealer!.name };
}

/** A counter key that lives only `seconds` (the UI offers 15 minutes at least). */
export async function shortCounterKey(customerId: string, dealId: string, seconds: number) {
  return createCounterKey(customerId, { dealId, fields: ["CONTACT"], expiresInSeconds: seconds });
}

/**
 * The buyer accepted `dealerEmail`'s quote through the same use case as the accept button, so the dealer holds
 * the contact grant that acceptance gives (the grant the buyer then revokes in the spec).
 */
export async function acceptedWithContactScenario(customerEmail: string, dealerEmail: string, model: string) {
  const { customerId, dealer, requestId, quoteId } = await requestWithQuote(customerEmail, dealerEmail, { model });
  const user = await db.user.findUniqueOrThrow({ where: { id: customerId }, select: { email: true, name: true } });
  await acceptQuote({ actor: { userId: customerId, email: user.email, name: user.name, role: "CUSTOMER", dealerId: null, lenderId: null, orgRole: null }, quoteId, version: 1 });
  const lead = await db.lead.findFirstOrThrow({ where: { requestId, dealerId: dealer.dealerId! }, select: { id: true } });
  return { leadId: lead.id, dealerName: dealer.dealer!.name };
}
