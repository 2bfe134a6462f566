import { z } from "zod";
import { env } from "~/env.js";
import { db, type Tx } from "~/server/db";
import { defineJob } from "~/server/jobs/define";

const SWEEP_QUEUE = "vault.retention-sweep";
const DAY_MS = 86_400_000;

const erased = {
  creditScoreEnc: null,
  creditTier: null,
  creditSource: null,
  creditPulledAt: null,
  annualIncomeEnc: null,
  housingCostEnc: null,
} as const;

/**
 * Deletes the sealed credit and income fields of customers inactive for CREDIT_RETENTION_DAYS: the
 * profile has not been touched for that long and no grant is still live. Returns how many were erased.
 */
export async function purgeStaleCredit(now = new Date(), retentionDays = env.CREDIT_RETENTION_DAYS) {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const { count } = await db.customerProfile.updateMany({
    where: {
      updatedAt: { lt: cutoff },
      OR: [{ creditScoreEnc: { not: null } }, { creditTier: { not: null } }, { annualIncomeEnc: { not: null } }, { housingCostEnc: { not: null } }],
      user: { grants: { none: { revokedAt: null, expiresAt: { gt: now } } } },
    },
    data: erased,
  });
  return count;
}

/**
 * On revocation of a grant that covered the credit profile: a score we obtained from a bureau is deleted
 * unless another live grant still covers it. A self-reported band is the customer's own statement and stays.
 */
export async function eraseBureauCreditIfUnshared(tx: Tx, customerId: string, now = new Date()) {
  const stillShared = await tx.consentGrant.count({
    where: { customerId, revokedAt: null, expiresAt: { gt: now }, fields: { has: "CREDIT" } },
  });
  if (stillShared > 0) return false;
  const { count } = await tx.customerProfile.updateMany({
    where: { userId: customerId, creditSource: "BUREAU" },
    data: { creditScoreEnc: null, creditTier: null, creditSource: null, creditPulledAt: null },
  });
  return count > 0;
}

/** Daily; the worker keeps one run queued (JobDefinition.everyMs). */
export const retentionSweepJob = defineJob({
  id: SWEEP_QUEUE,
  schema: z.object({}).strict(),
  everyMs: DAY_MS,
  handler: async () => {
    await purgeStaleCredit();
  },
});
