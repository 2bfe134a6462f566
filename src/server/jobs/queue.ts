import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/server/db";
import { publish, topics } from "~/server/realtime";

/**
 * Enqueues follow-up work inside the caller's transaction: if the transaction rolls back, the job is
 * gone too; if it commits, the job is durable before anyone is told the write succeeded.
 */
export async function enqueue(
  tx: Tx,
  queue: string,
  payload: Prisma.InputJsonValue,
  opts: { runAt?: Date; maxAttempts?: number } = {},
) {
  const job = await tx.job.create({
    data: { queue, payload, runAt: opts.runAt, maxAttempts: opts.maxAttempts },
    select: { id: true },
  });
  // Wakes idle workers at commit time instead of waiting for their next poll.
  await publish({ topic: topics.jobs, type: queue, id: job.id }, tx);
  return job.id;
}
