import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Prisma } from "~/generated/prisma/client";
import { env } from "~/env.js";
import { db } from "~/server/db";
import { backoffDelayMs } from "~/server/jobs/backoff";
import type { JobDefinition, JobPool } from "~/server/jobs/define";
import { enqueue } from "~/server/jobs/queue";
import { jobsById } from "~/server/jobs/registry";
import { subscribe, topics } from "~/server/realtime";

/** Slots per kind of work in one worker process: a hanging lender endpoint holds webhook slots only. */
// "quotes" is the automatic rule answering a new lead: the buyer's first answer waits behind nothing else.
export const POOL_CONCURRENCY: Record<JobPool, number> = { "fan-out": 4, quotes: 2, notifications: 2, email: 2, webhooks: 8, general: 2 };

type Claimed = { id: string; queue: string; payload: unknown; attempts: number; maxAttempts: number };

const leaseSeconds = () => env.JOB_LEASE_SECONDS;

/**
 * Claims up to `limit` due jobs of `queues` with SKIP LOCKED (two workers never take the same job). A
 * claim is a lease of JOB_LEASE_SECONDS, renewed while the job runs; `attempts` after the claim is the
 * fencing token: a worker that lost its lease can no longer renew it or mark the job done.
 */
async function claim(queues: string[], limit: number): Promise<Claimed[]> {
  if (queues.length === 0) return [];
  return db.$queryRaw<Claimed[]>`
    UPDATE "Job" SET "attempts" = "attempts" + 1, "lockedUntil" = now() + make_interval(secs => ${leaseSeconds()})
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE "status" = 'PENDING' AND "runAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
        AND "queue" = ANY(${queues}::text[])
      ORDER BY "runAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "queue", "payload", "attempts", "maxAttempts"`;
}

/** Runs one claimed job, renewing its lease every third of it, and records the outcome under the fence. */
async function runClaimed(job: Claimed, def: JobDefinition | undefined) {
  const renew = setInterval(() => {
    void db.$executeRaw`
      UPDATE "Job" SET "lockedUntil" = now() + make_interval(secs => ${leaseSeconds()})
      WHERE "id" = ${job.id} AND "attempts" = ${job.attempts} AND "status" = 'PENDING'`.catch(() => undefined); // the next beat retries
  }, (leaseSeconds() * 1000) / 3);
  let failure: string | null = null;
  try {
    if (!def) throw new Error(`No handler for queue ${job.queue}`);
    await def.handler(def.schema.parse(job.payload), { jobId: job.id, attempt: job.attempts });
  } catch (err) {
    failure = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
  } finally {
    clearInterval(renew);
  }
  const fence = { id: job.id, attempts: job.attempts, status: "PENDING" as const };
  if (failure === null) {
    const done = { status: "DONE" as const, doneAt: new Date(), lockedUntil: null, lastError: null };
    const { everyMs } = def!;
    if (!everyMs) await db.job.updateMany({ where: fence, data: done });
    else {
      await db.$transaction(async (tx) => {
        const { count } = await tx.job.updateMany({ where: fence, data: done });
        if (count === 1) await enqueue(tx, def!.id, job.payload as Prisma.InputJsonValue, { runAt: new Date(Date.now() + everyMs) });
      });
    }
    return;
  }
  const dead = job.attempts >= (def?.maxAttempts ?? job.maxAttempts);
  await db.job.updateMany({
    where: fence,
    data: dead
      ? { status: "DEAD", lockedUntil: null, lastError: failure }
      : { lockedUntil: null, lastError: failure, runAt: new Date(Date.now() + backoffDelayMs(job.attempts, def?.backoffMs ?? 1000)) },
  });
}

/** Claims up to `limit` due jobs and runs them together (tests and scripts; the worker uses slots). */
export async function runDueJobs(limit = 20, queues?: string[]): Promise<number> {
  const defs = jobsById();
  const claimed = await claim(queues ?? [...defs.keys()], limit);
  await Promise.all(claimed.map((job) => runClaimed(job, defs.get(job.queue))));
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

export type WorkerOptions = { pollMs?: number; concurrency?: Partial<Record<JobPool, number>>; onError?: (err: unknown) => void };

/**
 * The long-running loop behind `npm run worker` (and the demo's in-process worker). Each pool has its
 * own slots; a slot claims one job, runs it, and claims the next, so no job waits for another's batch.
 * Database errors are retried with backoff; the process stays alive (its timers are not unref'd) until
 * `stop` is called.
 */
export function startWorker({ pollMs = 1000, concurrency = {}, onError = logError }: WorkerOptions = {}) {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const defs = jobsById();
  let stopped = false;
  let lastClaimAt: Date | null = null;
  const sleepers = new Set<() => void>();
  const wakeAll = () => sleepers.forEach((w) => w());
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        sleepers.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      sleepers.add(done);
    });
  // Woken at once by new jobs, and after the live connection comes back (jobs may have been missed).
  const offPromise = Promise.all([subscribe(topics.jobs, wakeAll), subscribe(topics.reconnected, wakeAll)])
    .then((offs) => () => offs.forEach((off) => off()))
    .catch((err: unknown) => {
      onError(err);
      return () => undefined; // polling still finds every job
    });
  void ensureRecurringJobs().catch(onError);

  const beat = async () => {
    await db.$executeRaw`
      INSERT INTO "WorkerHeartbeat" ("id", "seenAt", "lastClaimAt") VALUES (${workerId}, now(), ${lastClaimAt}::timestamp)
      ON CONFLICT ("id") DO UPDATE SET "seenAt" = now(), "lastClaimAt" = excluded."lastClaimAt"`;
  };
  const heartbeat = (async () => {
    while (!stopped) {
      await beat().catch(onError);
      await sleep(Math.min(5000, pollMs * 5));
    }
  })();

  const slot = async (queues: string[]) => {
    let failures = 0;
    while (!stopped) {
      let job: Claimed | undefined;
      try {
        [job] = await claim(queues, 1);
        failures = 0;
      } catch (err) {
        onError(err);
        await sleep(backoffDelayMs(++failures, 500));
        continue;
      }
      if (!job) {
        await sleep(pollMs);
        continue;
      }
      lastClaimAt = new Date();
      try {
        await runClaimed(job, defs.get(job.queue));
      } catch (err) {
        onError(err); // its outcome was not recorded: the lease lapses and the job runs again
      }
    }
  };
  const limits = { ...POOL_CONCURRENCY, ...concurrency };
  const byPool = new Map<JobPool, string[]>();
  for (const d of defs.values()) byPool.set(d.pool ?? "general", [...(byPool.get(d.pool ?? "general") ?? []), d.id]);
  const slots = [...byPool].flatMap(([pool, queues]) => Array.from({ length: limits[pool] }, () => slot(queues)));

  return async function stop() {
    stopped = true;
    wakeAll();
    await Promise.all([...slots, heartbeat]);
    (await offPromise)();
    await db.workerHeartbeat.deleteMany({ where: { id: workerId } }).catch(() => undefined);
  };
}

function logError(err: unknown) {
  console.error(`[worker ${process.pid}]`, err instanceof Error ? err.message : err);
}
