import { db } from "~/server/db";
import { sealInt } from "~/server/crypto";
import { profileInput, type ProfileInput } from "./profile-schema";

/** Saves contact, address, employment, income and housing cost. Income and housing cost are sealed. */
export async function saveProfile(userId: string, raw: ProfileInput) {
  const input = profileInput.parse(raw);
  const data = {
    firstName: input.firstName,
    lastName: input.lastName,
    phone: input.phone ?? null,
    street: input.street ?? null,
    city: input.city ?? null,
    state: input.state ?? null,
    zip: input.zip ?? null,
    employer: input.employer ?? null,
    annualIncomeEnc: input.annualIncomeCents == null ? null : sealInt(input.annualIncomeCents),
    housingCostEnc: input.housingCostCents == null ? null : sealInt(input.housingCostCents),
  };
  await db.customerProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data, select: { id: true } });
  return { ok: true as const };
}
