import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { backoffDelayMs } from "~/server/jobs/backoff";
import { subscribe, topics } from "~/server/realtime";
import { jobsById } from "~/server/jobs/registry";

const LEASE_SECONDS = 60;

type Claimed = { id: string; queue: string; payload: unknown; attempts: number; maxAttempts: number };

/**
 * Claims up to `limit` due jobs with SKIP LOCKED (several workers never take the same job) and runs them.
 * A claim is a lease: if this process dies mid-job, the job becomes due again when the lease lapses.
 * Returns how many jobs ran.
 */
export async function runDueJobs(limit = 20, queues?: string[]): Promise<number> {
  const defs = jobsById();
  const names = queues ?? [...defs.keys()];
  if (names.length === 0) return 0;
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "Job" SET "attempts" = "attempts" + 1, "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE "status" = 'PENDING' AND "runAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
        AND "queue" = ANY(${names}::text[])
      ORDER BY "runAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "queue", "payload", "attempts", "maxAttempts"`;

  await Promise.all(
    claimed.map(async (job) => {
      const def = defs.get(job.queue);
      try {
        if (!def) throw new Error(`No handler for queue ${job.queue}`);
        await def.handler(def.schema.parse(job.payload), { jobId: job.id, attempt: job.attempts });
        const done = { status: "DONE" as const, doneAt: new Date(), lockedUntil: null, lastError: null };
        const { everyMs } = def;
        if (!everyMs) await db.job.update({ where: { id: job.id }, data: done });
        else {
          await db.$transaction(async (tx) => {
            await tx.job.update({ where: { id: job.id }, data: done });
            await enqueue(tx, def.id, job.payload as Prisma.InputJsonValue, { runAt: new Date(Date.now() + everyMs) });
          });
        }
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const dead = job.attempts >= (def?.maxAttempts ?? job.maxAttempts);
        await db.job.update({
          where: { id: job.id },
          data: dead
            ? { status: "DEAD", lockedUntil: null, lastError: message.slice(0, 2000) }
            : { lockedUntil: null, lastError: message.slice(0, 2000), runAt: new Date(Date.now() + backoffDelayMs(job.attempts, def?.backoffMs ?? 1000)) },
        });
      }
    }),
  );
  return claimed.length;
}

/**
 * Queues a first run of every recurring job that has none pending. Workers starting together take a
 * transaction-scoped advisory lock per queue, so exactly one run is queued however many start.
 */
export async function ensureRecurringJobs(queues?: string[]): Promise<number> {
  let queued = 0;
  for (const def of jobsById().values()) {
    if (!def.everyMs || (queues && !queues.includes(def.id))) continue;
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`recurring:${def.id}`}))::text`;
      if ((await tx.job.count({ where: { queue: def.id, status: "PENDING" } })) > 0) return;
      await enqueue(tx, def.id, {});
      queued++;
    });
  }
  return queued;
}

/** Runs jobs until every due job is done (for tests and scripts). */
export async function drainJobs(queues?: string[], maxRounds = 100) {
  for (let i = 0; i < maxRounds; i++) if ((await runDueJobs(50, queues)) === 0) return;
}

/** The long-running loop behind `npm run worker` (and the demo's in-process worker). */
export function startWorker({ pollMs = 1000, batch = 20 } = {}) {
  let stopped = false;
  let wake: (() => void) | null = null;
  const nudge = () => wake?.();
  const offPromise = subscribe(topics.jobs, nudge).catch(() => () => undefined);
  void ensureRecurringJobs().catch((err: unknown) => console.error("[worker] could not queue recurring jobs:", err instanceof Error ? err.message : err));

  const loop = (async () => {
    while (!stopped) {
      let ran = 0;
      try {
        ran = await runDueJobs(batch);
      } catch (err) {
        console.error("[worker]", err instanceof Error ? err.message : err);
      }
      if (ran === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollMs).unref();
        });
        wake = null;
      }
    }
  })();

  return async function stop() {
    stopped = true;
    nudge();
    await loop;
    (await offPromise)();
  };
}
