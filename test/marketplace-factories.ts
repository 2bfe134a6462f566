// Builders for the marketplace rows (requests, leads, quotes, pre-approvals), written straight to the
// database so inbox/deal/messaging tests do not depend on the request and quote use-cases.
import { randomUUID } from "node:crypto";
import { db } from "~/server/db";
import { lookupZip } from "~/modules/geo/zip";
import type { Prisma } from "~/generated/prisma/client";

const uid = () => randomUUID().slice(0, 8);
const DAY = 24 * 60 * 60 * 1000;

export async function makeRequest(customerId: string, over: Partial<Prisma.RequestUncheckedCreateInput> = {}) {
  const place = lookupZip(over.zip ?? "85004")!;
  return db.request.create({
    data: {
      customerId,
      bodyType: "SUV",
      condition: "ANY",
      makes: ["Toyota"],
      features: [],
      maxPriceCents: 4_000_000,
      downPaymentCents: 300_000,
      wantsFinancing: true,
      zip: place.zip,
      city: place.city,
      state: place.state,
      lat: place.lat,
      lng: place.lng,
      radiusMiles: 50,
      timeline: "ASAP",
      creditTier: "PRIME",
      expiresAt: new Date(Date.now() + 30 * DAY),
      ...over,
    },
    select: { id: true, customerId: true },
  });
}

export async function makeLead(requestId: string, dealerId: string, over: Partial<Prisma.LeadUncheckedCreateInput> = {}) {
  // The lead carries its request's body type, as fan-out writes it.
  const { bodyType } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { bodyType: true } });
  return db.lead.create({
    data: {
      requestId,
      dealerId,
      bodyType,
      distanceMiles: 4.2,
      matchReasons: { test: true },
      buyerAlias: `Buyer ${uid().slice(0, 4).toUpperCase()}`,
      ...over,
    },
    select: { id: true, requestId: true, dealerId: true, buyerAlias: true },
  });
}

/** A lead and an ACTIVE quote on it; prices add up the way pricing.ts computes them. */
export async function makeQuote(
  requestId: string,
  dealerId: string,
  over: Partial<Prisma.QuoteUncheckedCreateInput> & { leadId?: string } = {},
) {
  const leadId = over.leadId ?? (await makeLead(requestId, dealerId, { status: "QUOTED", firstResponseAt: new Date() })).id;
  const vehicle = over.vehiclePriceCents ?? 3_200_000;
  const otd = vehicle + 80_000 + 0 - 100_000 + 250_000;
  return db.quote.create({
    data: {
      leadId,
      requestId,
      dealerId,
      requestVersion: 1,
      year: 2025,
      make: "Toyota",
      model: "RAV4",
      trim: "XLE",
      vin: `JTM${uid().toUpperCase()}123456`.slice(0, 17),
      condition: "NEW",
      mileage: 12,
      inStock: true,
      vehiclePriceCents: vehicle,
      feesCents: 80_000,
      addOnsCents: 0,
      incentivesCents: 100_000,
      tradeInOfferCents: 0,
      taxCents: 250_000,
      otdCents: otd,
      amountFinancedCents: Math.max(0, otd - 300_000),
      validUntil: new Date(Date.now() + 7 * DAY),
      ...over,
    },
    select: { id: true, leadId: true, version: true, requestId: true, dealerId: true, amountFinancedCents: true },
  });
}

export async function makePreApproval(
  quote: { id: string; requestId: string; amountFinancedCents: number; version?: number },
  lenderId: string,
  over: Partial<Prisma.PreApprovalUncheckedCreateInput> = {},
) {
  return db.preApproval.create({
    data: {
      quoteId: quote.id,
      requestId: quote.requestId,
      lenderId,
      status: "APPROVED",
      quoteVersion: quote.version ?? 1,
      amountCents: quote.amountFinancedCents,
      decisionVersion: 1,
      aprBps: 687,
      termMonths: 60,
      maxAmountCents: quote.amountFinancedCents + 500_000,
      conditions: [],
      reasons: [],
      source: "AUTO_POLICY",
      decidedAt: new Date(),
      expiresAt: new Date(Date.now() + 30 * DAY),
      ...over,
    },
    select: { id: true, lenderId: true },
  });
}
