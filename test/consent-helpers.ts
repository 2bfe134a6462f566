// Builders for consent tests: a bare request row and grants, without going through other modules' use-cases.
import { db } from "~/server/db";
import type { Prisma } from "~/generated/prisma/client";

export async function makeRequestRow(customerId: string, over: Partial<Prisma.RequestUncheckedCreateInput> = {}) {
  return db.request.create({
    data: {
      customerId,
      bodyType: "SEDAN",
      condition: "NEW",
      makes: ["Toyota"],
      features: [],
      wantsFinancing: true,
      zip: "85004",
      city: "Phoenix",
      state: "AZ",
      lat: 33.45,
      lng: -112.07,
      radiusMiles: 30,
      timeline: "ASAP",
      expiresAt: new Date(Date.now() + 14 * 86_400_000),
      ...over,
    },
    select: { id: true, expiresAt: true },
  });
}

export async function makeGrant(data: Omit<Prisma.ConsentGrantUncheckedCreateInput, "purpose" | "expiresAt"> & { purpose?: string; expiresAt?: Date }) {
  return db.consentGrant.create({
    data: { purpose: "Test purpose", expiresAt: new Date(Date.now() + 86_400_000), ...data },
    select: { id: true },
  });
}

/** A lead and an active quote from this dealer on the request (pricing figures are placeholders). */
export async function makeQuoteRow(requestId: string, dealerId: string) {
  const { bodyType } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { bodyType: true } });
  const lead = await db.lead.create({
    data: { requestId, dealerId, bodyType, distanceMiles: 3, matchReasons: {}, buyerAlias: "Buyer TEST" },
    select: { id: true },
  });
  return db.quote.create({
    data: {
      leadId: lead.id, requestId, dealerId, requestVersion: 1, year: 2025, make: "Toyota", model: "Camry", vin: "4T1BF1FK5CU000001", condition: "NEW",
      mileage: 10, inStock: true, vehiclePriceCents: 2_800_000, feesCents: 50_000, addOnsCents: 0, incentivesCents: 0,
      tradeInOfferCents: 0, taxCents: 200_000, otdCents: 3_050_000, amountFinancedCents: 3_050_000,
      validUntil: new Date(Date.now() + 7 * 86_400_000),
    },
    select: { id: true },
  });
}

/** An accepted deal for the customer with this dealer. */
export async function makeDealRow(customerId: string, dealerId: string) {
  const request = await makeRequestRow(customerId, { status: "ACCEPTED" });
  const quote = await makeQuoteRow(request.id, dealerId);
  const deal = await db.deal.create({
    data: { requestId: request.id, quoteId: quote.id, customerId, dealerId, quoteVersion: 1, otdCents: 3_050_000 },
    select: { id: true },
  });
  return { dealId: deal.id, requestId: request.id, quoteId: quote.id };
}
