import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { CRM_DELIVER_QUEUE } from "./queues";

/**
 * A CRM delivery is due with a job, sent, failed or bounced. A queued row whose job is gone (a crash
 * between steps, a job dead-lettered by database errors) gets a job again here, as lender webhook
 * deliveries do. "Stale" means due for a minute with no pending job, so a job about to run is never doubled.
 */
export async function sweepStrandedCrmDeliveries(limit = 500): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "Job" ("id", "queue", "payload", "maxAttempts")
    SELECT gen_random_uuid()::text, ${CRM_DELIVER_QUEUE}, jsonb_build_object('deliveryId', d."id"), 3
    FROM "CrmDelivery" d
    WHERE d."status" = 'QUEUED' AND d."nextAttemptAt" < now() - interval '1 minute'
      AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."queue" = ${CRM_DELIVER_QUEUE} AND j."status" = 'PENDING' AND j."payload"->>'deliveryId' = d."id")
    ORDER BY d."nextAttemptAt"
    LIMIT ${limit}`;
}

export const sweepStrandedCrmDeliveriesJob = defineJob({
  id: "crm.sweep-stranded",
  schema: z.object({}).strict(),
  everyMs: 60_000,
  handler: async () => {
    await sweepStrandedCrmDeliveries();
  },
});
