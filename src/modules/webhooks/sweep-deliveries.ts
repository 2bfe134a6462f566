import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";

/**
 * A delivery is due with a job, delivered, or dead. Anything else — a pending row whose job is gone
 * (a crash between steps, a job dead-lettered by its own failures) — gets a job again here. "Stale"
 * means due for a minute with no pending job, so a job about to be claimed is never doubled.
 * Returns how many were redriven.
 */
export async function sweepStrandedDeliveries(limit = 500): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "Job" ("id", "queue", "payload", "maxAttempts")
    SELECT gen_random_uuid()::text, 'webhook.deliver', jsonb_build_object('deliveryId', d."id"), 3
    FROM "WebhookDelivery" d
    WHERE d."status" = 'PENDING' AND d."nextAttemptAt" < now() - interval '1 minute'
      AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."queue" = 'webhook.deliver' AND j."status" = 'PENDING' AND j."payload"->>'deliveryId' = d."id")
    ORDER BY d."nextAttemptAt"
    LIMIT ${limit}`;
}

export const sweepStrandedDeliveriesJob = defineJob({
  id: "webhook.sweep-stranded",
  schema: z.object({}).strict(),
  everyMs: 60_000,
  handler: async () => {
    await sweepStrandedDeliveries();
  },
});
