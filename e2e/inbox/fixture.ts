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
