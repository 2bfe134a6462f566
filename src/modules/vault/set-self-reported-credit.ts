import type { CreditTier } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import { badRequest } from "~/server/errors";

/**
 * The customer states their score band. No score is stored (we would be inventing one); lenders see the
 * band and its source. Replaces any earlier soft-pull result, whose score is deleted.
 */
export async function setSelfReportedCredit(userId: string, tier: CreditTier) {
  const profile = await db.customerProfile.findUnique({ where: { userId }, select: { id: true } });
  if (!profile) throw badRequest("Save your name first, then add your credit band.", { tier: "Save your details above first" });
  await db.customerProfile.update({
    where: { userId },
    data: { creditTier: tier, creditSource: "SELF_REPORTED", creditScoreEnc: null, creditPulledAt: null },
    select: { id: true },
  });
  return { ok: true as const };
}
