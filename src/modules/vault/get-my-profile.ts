import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { openInt } from "~/server/crypto";

/** Every field of a customer's profile that can be shared or shown: the owner's view and a grantee's read (read-customer-data.ts) select it. */
export const profileDataSelect = {
  firstName: true,
  lastName: true,
  phone: true,
  street: true,
  city: true,
  state: true,
  zip: true,
  employer: true,
  annualIncomeEnc: true,
  housingCostEnc: true,
  creditScoreEnc: true,
  creditTier: true,
  creditSource: true,
  creditPulledAt: true,
} satisfies Prisma.CustomerProfileSelect;

const ownerSelect = { ...profileDataSelect, updatedAt: true } satisfies Prisma.CustomerProfileSelect;

/**
 * The customer's own view of their vault. This is the owner reading their own data, not a dealer, lender
 * or staff member, so it does not go through readCustomerData and writes no access-log row.
 */
export async function getMyProfile(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, profile: { select: ownerSelect } } });
  const p = user.profile;
  return {
    email: user.email,
    exists: !!p,
    firstName: p?.firstName ?? user.name.split(" ")[0] ?? "",
    lastName: p?.lastName ?? user.name.split(" ").slice(1).join(" "),
    phone: p?.phone ?? null,
    street: p?.street ?? null,
    city: p?.city ?? null,
    state: p?.state ?? null,
    zip: p?.zip ?? null,
    employer: p?.employer ?? null,
    annualIncomeCents: openInt(p?.annualIncomeEnc),
    housingCostCents: openInt(p?.housingCostEnc),
    credit: p?.creditTier
      ? { tier: p.creditTier, source: p.creditSource, score: openInt(p.creditScoreEnc), pulledAt: p.creditPulledAt }
      : null,
    updatedAt: p?.updatedAt ?? null,
  };
}
export type MyProfile = Awaited<ReturnType<typeof getMyProfile>>;
