import { db } from "~/server/db";
import { badRequest } from "~/server/errors";
import type { PolicyInput } from "~/modules/lending/schemas";

const tierSelect = { minScore: true, maxScore: true, aprNewBps: true, aprUsedBps: true, maxTermMonths: true, maxAmountCents: true, maxPtiBps: true } as const;

export async function getPolicy(lenderId: string) {
  const l = await db.lender.findUniqueOrThrow({
    where: { id: lenderId },
    select: { name: true, verified: true, policyActive: true, policyBodyTypes: true, policyNew: true, policyUsed: true, tiers: { select: tierSelect, orderBy: { minScore: "desc" } } },
  });
  return { name: l.name, verified: l.verified, active: l.policyActive, bodyTypes: l.policyBodyTypes, allowNew: l.policyNew, allowUsed: l.policyUsed, tiers: l.tiers };
}

/** Field errors keyed "tiers.<i>.<field>" so the form can show them beside the right input. */
export function validatePolicy(p: PolicyInput): Record<string, string> {
  const errors: Record<string, string> = {};
  p.tiers.forEach((t, i) => {
    if (t.minScore > t.maxScore) errors[`tiers.${i}.maxScore`] = "Must be at least the minimum score";
    p.tiers.forEach((o, j) => {
      if (j < i && t.minScore <= o.maxScore && o.minScore <= t.maxScore) errors[`tiers.${i}.minScore`] = `Overlaps tier ${j + 1} (${o.minScore}–${o.maxScore})`;
    });
  });
  if (p.active && p.tiers.length === 0) errors.tiers = "Add at least one tier, or pause the policy";
  if (p.active && p.bodyTypes.length === 0) errors.bodyTypes = "Choose at least one body type";
  if (p.active && !p.allowNew && !p.allowUsed) errors.allowNew = "Finance new cars, used cars, or both";
  return errors;
}

export async function updatePolicy(lenderId: string, p: PolicyInput) {
  const errors = validatePolicy(p);
  if (Object.keys(errors).length) throw badRequest("Please fix the highlighted fields.", errors);
  await db.$transaction(async (tx) => {
    await tx.lender.update({ where: { id: lenderId }, data: { policyActive: p.active, policyBodyTypes: p.bodyTypes, policyNew: p.allowNew, policyUsed: p.allowUsed } });
    await tx.lenderPolicyTier.deleteMany({ where: { lenderId } });
    await tx.lenderPolicyTier.createMany({ data: p.tiers.map((t) => ({ ...t, lenderId })) });
  });
  return getPolicy(lenderId);
}
