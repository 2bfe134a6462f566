import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { publishMany, topics } from "~/server/realtime";

/**
 * Rewrites pending pre-approvals past their expiry as EXPIRED. Reads already show them as expired
 * (serialize.ts effectiveStatus); this makes the stored status say so too, for filters, counts and
 * reports, and tells open buyer pages and lender consoles. A lender's late decision on such a row is refused either way.
 */
export async function expirePreApprovals(): Promise<number> {
  return db.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<{ id: string; requestId: string; lenderId: string }[]>`
      UPDATE "PreApproval" SET "status" = 'EXPIRED', "updatedAt" = now()
      WHERE "status" = 'PENDING' AND "expiresAt" <= now() AT TIME ZONE 'UTC'
      RETURNING "id", "requestId", "lenderId"`;
    await publishMany(
      expired.flatMap((p) => [
        { topic: topics.request(p.requestId), type: "pre_approval.updated", id: p.id },
        { topic: topics.lender(p.lenderId), type: "pre_approval.expired", id: p.id },
      ]),
      tx,
    );
    return expired.length;
  });
}

export const expirePreApprovalsJob = defineJob({
  id: "lending.expire-pre-approvals",
  schema: z.object({}).strict(),
  everyMs: 15 * 60 * 1000,
  handler: async () => {
    await expirePreApprovals();
  },
});
