import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { env } from "~/env.js";
import type { SqlClient, Tx } from "~/server/db";
import { LIVE_CHANNEL, publish, publishManyOn, topics } from "~/server/realtime";

/**
 * Enqueues follow-up work inside the caller's transaction: if the transaction rolls back, the job is
 * gone too; if it commits, the job is durable before anyone is told the write succeeded. Idle workers
 * are woken at commit time (a live event on the jobs topic) instead of waiting for their next poll.
 */
export async function enqueue(
  tx: Tx,
  queue: string,
  payload: Prisma.InputJsonValue,
  opts: { runAt?: Date; maxAttempts?: number } = {},
) {
  const id = randomUUID();
  if (env.LIVE_TRANSPORT === "notify") {
    // One round trip: it sits in the transaction of every write that has follow-up work. (8 is the
    // column's default, as in prisma/schema.prisma.)
    await tx.$executeRaw`
      WITH job AS (
        INSERT INTO "Job" ("id", "queue", "payload", "runAt", "maxAttempts")
        VALUES (${id}, ${queue}, ${JSON.stringify(payload)}::jsonb, coalesce(${opts.runAt ?? null}::timestamp, CURRENT_TIMESTAMP), coalesce(${opts.maxAttempts ?? null}::int, 8))
        RETURNING "id")
      SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ topic: topics.jobs, type: queue, id })}) FROM job`;
    return id;
  }
  await tx.job.create({ data: { id, queue, payload, runAt: opts.runAt, maxAttempts: opts.maxAttempts }, select: { id: true } });
  await publish({ topic: topics.jobs, type: queue, id }, tx);
  return id;
}

/** enqueue on a transaction of the `sql` pool (the hot paths' own transactions). */
export async function enqueueOn(c: SqlClient, queue: string, payload: Prisma.InputJsonValue) {
  const id = randomUUID();
  await c.query({ name: "jobs.enqueue", text: `INSERT INTO "Job" ("id", "queue", "payload") VALUES ($1, $2, $3::jsonb)`, values: [id, queue, JSON.stringify(payload)] });
  await publishManyOn(c, [{ topic: topics.jobs, type: queue, id }]);
  return id;
}
