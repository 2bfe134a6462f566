import type { Prisma } from "~/generated/prisma/client";
import { notFound } from "~/server/errors";
import { db } from "~/server/db";
import { effectiveStatus } from "./status";
import { buyerTermsSelect } from "./buyer-terms";

// What the customer sees of their own requests.
export const customerRequestSelect = {
  id: true, status: true, bodyType: true, condition: true, makes: true, model: true, yearMin: true, yearMax: true, maxMileage: true,
  features: true, maxPriceCents: true, maxMonthlyCents: true, termMonths: true, downPaymentCents: true, tradeInYear: true,
  tradeInMake: true, tradeInModel: true, tradeInMileage: true, wantsFinancing: true, zip: true, city: true, state: true,
  radiusMiles: true, timeline: true, version: true, matchedCount: true, fannedOutAt: true, expiresAt: true, createdAt: true,
  updatedAt: true, ...buyerTermsSelect,
} satisfies Prisma.RequestSelect;

// The customer's view of a quote: the dealer's business identity is public; the vehicle and money are the offer.
export const customerQuoteSelect = {
  id: true, status: true, version: true, needsReconfirm: true, year: true, make: true, model: true, trim: true, vin: true, mileage: true,
  inStock: true, vehiclePriceCents: true, feesCents: true, addOnsCents: true, incentivesCents: true, tradeInOfferCents: true,
  taxCents: true, otdCents: true, amountFinancedCents: true, validUntil: true, withdrawnReason: true, createdAt: true, updatedAt: true,
  dealer: { select: { id: true, name: true, city: true, state: true } },
  lead: { select: { distanceMiles: true } },
} satisfies Prisma.QuoteSelect;

export async function listMyRequests(customerId: string) {
  const rows = await db.request.findMany({ where: { customerId }, orderBy: { createdAt: "desc" }, take: 100, select: customerRequestSelect });
  // Counted for the listed requests only (Quote_requestId_idx). Prisma's relation _count aggregated
  // every active quote on the platform before joining.
  const active = rows.length
    ? await db.quote.groupBy({ by: ["requestId"], where: { requestId: { in: rows.map((r) => r.id) }, status: "ACTIVE" }, _count: { _all: true } })
    : [];
  const activeOf = new Map(active.map((a) => [a.requestId, a._count._all]));
  return rows.map((r) => ({ ...r, status: effectiveStatus(r), activeQuotes: activeOf.get(r.id) ?? 0 }));
}

export async function getMyRequest(customerId: string, requestId: string) {
  // The buyer sees what their returning-buyer opt-in shows dealers (only here, not in defaults for a new request).
  const r = await db.request.findFirst({ where: { id: requestId, customerId }, select: { ...customerRequestSelect, returningBuyerShare: { select: { returning: true } } } });
  if (!r) throw notFound("Request not found.");
  return { ...r, status: effectiveStatus(r) };
}

export async function listQuotesForMyRequest(customerId: string, requestId: string) {
  const owns = await db.request.findFirst({ where: { id: requestId, customerId }, select: { id: true } });
  if (!owns) throw notFound("Request not found.");
  return db.quote.findMany({ where: { requestId }, orderBy: { otdCents: "asc" }, select: customerQuoteSelect });
}

/**
 * What a new request can start from: the profile's ZIP (fresh defaults), and the last request's terms,
 * which the buyer must choose explicitly ("Start from my last request"): copied silently, they sent a
 * request to Anchorage that reached no one.
 */
export async function requestDefaults(customerId: string) {
  const [last, profile] = await Promise.all([
    db.request.findFirst({ where: { customerId }, orderBy: { createdAt: "desc" }, select: customerRequestSelect }),
    db.customerProfile.findUnique({ where: { userId: customerId }, select: { zip: true } }),
  ]);
  return { fresh: { zip: profile?.zip ?? null }, last };
}
