// Integration-test builders: real rows in the test database, unique per call, minimal by default.
import { randomUUID } from "node:crypto";
import { db } from "~/server/db";
import { createCaller } from "~/server/api/root";
import { actorFromToken, type Actor } from "~/server/auth/session";
import { lookupZip } from "~/modules/geo/zip";
import { BodyType } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";

// A precomputed scrypt hash of "correct-horse-1" keeps factories fast; sign-in tests hash for real.
export const FACTORY_PASSWORD = "correct-horse-1";
const FACTORY_HASH =
  "scrypt$131072$8$1$afUPQMRc14cx4L4YRVh1Ag==$6OkkguNHzyWlUos8mHFfwgbT3Xxt94d+X55hrwY3n1o=";

const uid = () => randomUUID().slice(0, 8);

export async function makeCustomer(over: Partial<Prisma.CustomerProfileCreateWithoutUserInput> = {}) {
  const id = uid();
  return db.user.create({
    data: {
      email: `buyer-${id}@test.keyturn`,
      name: `Buyer ${id}`,
      passwordHash: FACTORY_HASH,
      role: "CUSTOMER",
      profile: { create: { firstName: "Test", lastName: `Buyer${id}`, phone: "555-0100", street: "1 Test St", city: "Phoenix", state: "AZ", zip: "85004", ...over } },
    },
    select: { id: true, email: true },
  });
}

/** A dealer at a ZIP centroid, with an owner user. */
export async function makeDealer(over: Partial<Prisma.DealerCreateInput> & { zip?: string } = {}) {
  const place = lookupZip(over.zip ?? "85004")!;
  const id = uid();
  const dealer = await db.dealer.create({
    data: {
      name: `Dealer ${id}`,
      street: "100 Auto Way",
      phone: "602-555-0190",
      city: place.city,
      state: place.state,
      zip: place.zip,
      lat: place.lat,
      lng: place.lng,
      serviceRadiusMiles: 50,
      makes: ["Toyota", "Honda"],
      bodyTypes: Object.values(BodyType),
      sellsNew: true,
      sellsUsed: true,
      minPriceCents: 500_000,
      maxPriceCents: 10_000_000,
      dailyLeadCap: 100,
      verified: true,
      ...over,
    },
    select: { id: true, name: true },
  });
  const owner = await db.user.create({
    data: {
      email: `dealer-${id}@test.keyturn`,
      name: `Owner ${id}`,
      passwordHash: FACTORY_HASH,
      role: "DEALER",
      membership: { create: { dealerId: dealer.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  return { ...dealer, ownerId: owner.id };
}

export async function makeLender(over: Partial<Prisma.LenderCreateInput> = {}) {
  const id = uid();
  const lender = await db.lender.create({
    data: { name: `Lender ${id}`, verified: true, policyActive: true, policyBodyTypes: Object.values(BodyType), ...over },
    select: { id: true, name: true },
  });
  const owner = await db.user.create({
    data: {
      email: `lender-${id}@test.keyturn`,
      name: `Underwriter ${id}`,
      passwordHash: FACTORY_HASH,
      role: "LENDER",
      membership: { create: { lenderId: lender.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  return { ...lender, ownerId: owner.id };
}

export async function makeAdmin() {
  return db.user.create({
    data: { email: `admin-${uid()}@test.keyturn`, name: "Admin", passwordHash: FACTORY_HASH, role: "ADMIN" },
    select: { id: true },
  });
}

/** The Actor a signed-in user resolves to, exactly as a request would see it. */
export async function actorOf(userId: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  const actor = await actorFromToken({ uid: userId, sv: user.sessionVersion });
  if (!actor) throw new Error(`user ${userId} cannot act`);
  return actor;
}

/** A tRPC caller as that user (or anonymous), going through every middleware and policy. */
export async function callerAs(userId: string | null) {
  return createCaller({ actor: userId ? await actorOf(userId) : null, headers: new Headers() });
}
