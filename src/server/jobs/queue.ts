import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { env } from "~/env.js";
import { execute, type Queryable } from "~/server/queryable";
import { LIVE_CHANNEL, topics } from "~/server/realtime";

export type EnqueueOptions = { runAt?: Date; maxAttempts?: number };

/**
 * Enqueues follow-up work inside the caller's transaction, on either database client: if the
 * transaction rolls back, the job is gone too; if it commits, the job is durable before anyone is told
 * the write succeeded. Idle workers are woken at commit time (a live event on the jobs topic) instead of
 * waiting for their next poll. One round trip: it sits in the transaction of every write that has
 * follow-up work. (8 is the column's default, as in prisma/schema.prisma.)
 */
export async function enqueue(q: Queryable, queue: string, payload: Prisma.InputJsonValue, opts: EnqueueOptions = {}) {
  const id = randomUUID();
  const event = JSON.stringify({ topic: topics.jobs, type: queue, id });
  const job = Prisma.sql`INSERT INTO "Job" ("id", "queue", "payload", "runAt", "maxAttempts")
    VALUES (${id}, ${queue}, ${JSON.stringify(payload)}::jsonb, coalesce(${opts.runAt ?? null}::timestamp, CURRENT_TIMESTAMP), coalesce(${opts.maxAttempts ?? null}::int, 8))
    RETURNING "id"`;
  if (env.LIVE_TRANSPORT === "notify") {
    await execute(q, "jobs.enqueue-notify", Prisma.sql`WITH job AS (${job}) SELECT pg_notify(${LIVE_CHANNEL}, ${event}) FROM job`);
  } else {
    await execute(q, "jobs.enqueue-poll", Prisma.sql`WITH job AS (${job}) INSERT INTO "LiveEvent" ("topic", "type", "refId") SELECT ${topics.jobs}, ${queue}, "id" FROM job`);
  }
  return id;
}

/**
 * As enqueue, for many jobs of one queue in one statement and one wake-up: fan-out queues one job per
 * lead whose dealer answers automatically, and its transaction is the cost of posting a request.
 */
export async function enqueueMany(q: Queryable, queue: string, payloads: Prisma.InputJsonValue[]): Promise<string[]> {
  if (payloads.length === 0) return [];
  const ids = payloads.map(() => randomUUID());
  const event = JSON.stringify({ topic: topics.jobs, type: queue, id: ids[0] });
  const jobs = Prisma.sql`INSERT INTO "Job" ("id", "queue", "payload", "runAt", "maxAttempts")
    SELECT x.id, ${queue}, x.payload::jsonb, CURRENT_TIMESTAMP, 8 FROM unnest(${ids}::text[], ${payloads.map((p) => JSON.stringify(p))}::text[]) AS x(id, payload)
    RETURNING "id"`;
  if (env.LIVE_TRANSPORT === "notify") {
    await execute(q, "jobs.enqueue-many-notify", Prisma.sql`WITH job AS (${jobs}) SELECT pg_notify(${LIVE_CHANNEL}, ${event}) FROM (SELECT 1 FROM job LIMIT 1) one`);
  } else {
    await execute(q, "jobs.enqueue-many-poll", Prisma.sql`WITH job AS (${jobs}) INSERT INTO "LiveEvent" ("topic", "type", "refId") SELECT ${topics.jobs}, ${queue}, min("id") FROM job`);
  }
  return ids;
}
