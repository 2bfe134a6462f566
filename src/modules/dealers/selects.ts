import type { Prisma } from "~/generated/prisma/client";

/**
 * What a dealer may see of a buyer's request before acceptance: the wanted vehicle, budget, city, credit
 * band and timeline. Never the customer relation, the ZIP or coordinates (pii.int.test.ts walks every
 * dealer procedure to hold this).
 */
export const dealerRequestSelect = {
  id: true, status: true, bodyType: true, condition: true, makes: true, model: true, yearMin: true, yearMax: true, maxMileage: true,
  features: true, maxPriceCents: true, maxMonthlyCents: true, termMonths: true, downPaymentCents: true, tradeInYear: true,
  tradeInMake: true, tradeInModel: true, tradeInMileage: true, wantsFinancing: true, city: true, state: true, radiusMiles: true,
  timeline: true, creditTier: true, version: true, expiresAt: true, createdAt: true,
  // The buyer's own terms: the quote form shows and checks them.
  noAddOns: true, maxFeesCents: true, minValidDays: true, threadOnly: true, inStockOnly: true,
  // Only the boolean, and only when the buyer opted in; openLead folds it into returningBuyer.
  returningBuyerShare: { select: { returning: true } },
} satisfies Prisma.RequestSelect;

export const dealerQuoteSelect = {
  id: true, status: true, version: true, requestVersion: true, needsReconfirm: true, year: true, make: true, model: true, trim: true,
  vin: true, condition: true, mileage: true, inStock: true, vehiclePriceCents: true, feesCents: true, addOnsCents: true, incentivesCents: true,
  tradeInOfferCents: true, taxCents: true, otdCents: true, amountFinancedCents: true, validUntil: true, withdrawnReason: true,
  unitChange: true, unitChangedAt: true, autoSent: true,
  // The dealer's own stock unit behind the quote: a repriced unit's price prefills the re-confirmation.
  inventoryUnit: { select: { id: true, status: true, priceCents: true } },
  createdAt: true, updatedAt: true,
} satisfies Prisma.QuoteSelect;

export const dealerLeadListSelect = {
  id: true, status: true, distanceMiles: true, buyerAlias: true, createdAt: true, viewedAt: true, firstResponseAt: true, autoQuoteSkip: true,
  request: { select: { id: true, status: true, bodyType: true, condition: true, makes: true, model: true, maxPriceCents: true, maxMonthlyCents: true, city: true, state: true, timeline: true, creditTier: true, expiresAt: true } },
  quotes: { where: { status: { in: ["ACTIVE", "ACCEPTED"] } }, select: { id: true, status: true, otdCents: true, needsReconfirm: true, unitChange: true, autoSent: true }, take: 1 },
} satisfies Prisma.LeadSelect;

export const dealerLeadSelect = {
  id: true, status: true, distanceMiles: true, buyerAlias: true, matchReasons: true, createdAt: true, viewedAt: true,
  firstResponseAt: true, closedReason: true, autoQuoteSkip: true,
  request: { select: dealerRequestSelect },
  quotes: { orderBy: { createdAt: "desc" }, select: { ...dealerQuoteSelect, revisions: { orderBy: { version: "desc" }, select: { version: true, snapshot: true, createdAt: true } } } },
} satisfies Prisma.LeadSelect;

export const coverageSelect = {
  id: true, name: true, zip: true, city: true, state: true, serviceRadiusMiles: true, makes: true, bodyTypes: true, sellsNew: true,
  sellsUsed: true, minPriceCents: true, maxPriceCents: true, dailyLeadCap: true,
} satisfies Prisma.DealerSelect;
