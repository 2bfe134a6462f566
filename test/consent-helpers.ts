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
