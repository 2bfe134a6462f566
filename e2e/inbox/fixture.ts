// World-building for the inbox journey, written straight into the e2e database: a second Phoenix dealer
// whose coverage matches Ava's request (the seeded Phoenix dealers vary), so two dealers quote.
import { db } from "../../src/server/db";
import { lookupZip } from "../../src/modules/geo/zip";
import { BodyType } from "../../src/generated/prisma/enums";

export const SECOND_DEALER = "dealer2@demo.keyturn";

export async function makeSecondPhoenixDealerMatch() {
  const place = lookupZip("85004")!;
  const m = await db.membership.findFirstOrThrow({ where: { user: { email: SECOND_DEALER } }, select: { dealerId: true } });
  const dealer = await db.dealer.update({
    where: { id: m.dealerId! },
    // A few blocks from the centre so the two quotes differ in distance too.
    data: {
      lat: place.lat + 0.03,
      lng: place.lng - 0.02,
      serviceRadiusMiles: 40,
      makes: ["Toyota", "Honda"],
      bodyTypes: Object.values(BodyType),
      sellsNew: true,
      sellsUsed: true,
      minPriceCents: 500_000,
      maxPriceCents: 9_000_000,
      dailyLeadCap: 100,
      verified: true,
    },
    select: { id: true, name: true },
  });
  return dealer;
}

export async function dealerNameOf(email: string) {
  const m = await db.membership.findFirstOrThrow({ where: { user: { email } }, select: { dealer: { select: { name: true } } } });
  return m.dealer!.name;
}

/** Ben's open request in Dallas with one quote from dealer21 (written directly; the journey above covers posting). */
export async function dallasRequestWithQuote(model: string) {
  const customer = await db.user.findUniqueOrThrow({ where: { email: "ben@demo.keyturn" }, select: { id: true } });
  const m = await db.membership.findFirstOrThrow({ where: { user: { email: "dealer21@demo.keyturn" } }, select: { dealerId: true } });
  const place = lookupZip("75201")!;
  const expiresAt = new Date(Date.now() + 14 * 86_400_000);
  const request = await db.request.create({
    data: {
      customerId: customer.id, bodyType: "SEDAN", condition: "NEW", makes: ["Honda"], model, features: [], wantsFinancing: false, downPaymentCents: 0,
      zip: place.zip, city: place.city, state: place.state, lat: place.lat, lng: place.lng, radiusMiles: 25, timeline: "ASAP", expiresAt, matchedCount: 1, fannedOutAt: new Date(),
    },
    select: { id: true },
  });
  const lead = await db.lead.create({
    data: { requestId: request.id, dealerId: m.dealerId!, bodyType: "SEDAN", distanceMiles: 1.4, matchReasons: [], buyerAlias: "Buyer B3N1", status: "QUOTED", firstResponseAt: new Date() },
    select: { id: true },
  });
  const quote = await db.quote.create({
    data: {
      leadId: lead.id, requestId: request.id, dealerId: m.dealerId!, requestVersion: 1, year: 2025, make: "Honda", model, vin: "1HGCM82633A004352", condition: "NEW", mileage: 5, inStock: true,
      vehiclePriceCents: 2_800_000, feesCents: 50_000, addOnsCents: 0, incentivesCents: 0, tradeInOfferCents: 0, taxCents: 230_000,
      otdCents: 3_080_000, amountFinancedCents: 3_080_000, validUntil: expiresAt,
    },
    select: { id: true },
  });
  return { requestId: request.id, quoteId: quote.id };
}

/** What a dealer's revision does to the row: a new version with a new price (the race the accept must lose). */
export async function reviseQuoteBehindTheBuyersBack(quoteId: string) {
  await db.quote.update({ where: { id: quoteId }, data: { version: { increment: 1 }, vehiclePriceCents: 2_850_000, otdCents: 3_130_000, amountFinancedCents: 3_130_000 } });
}
