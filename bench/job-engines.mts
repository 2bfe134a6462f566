// The job engine, chosen by measurement (issue 15): the project's outbox (src/server/jobs) against
// graphile-worker 0.18, on one fresh database, in one run, with the same no-op job and 4 slots each.
// Prints, per engine: pickup latency (a transaction that enqueues commits -> the handler starts), the
// time to drain 2,000 jobs queued in one transaction, how soon a job claimed by a worker that then died
// runs again, and how soon a job runs after every connection of the engine was cut. Waits are capped at
// 60 s, which a cap-hit prints as "> 60 s".
import { randomBytes } from "node:crypto";
import { createMigratedDatabase, dropDatabase } from "../test/database";

const database = await createMigratedDatabase("keyturn_bench_engines");
const url = (app: string) => {
  const u = new URL(database.url);
  u.searchParams.set("application_name", app);
  return u.toString();
};
process.env.DATABASE_URL = url("bench-outbox");
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.ENCRYPTION_KEYS ??= `b1:${randomBytes(32).toString("base64")}`;
Object.assign(process.env, { NODE_ENV: "test", DATABASE_POOL_SIZE: "8" });

const { z } = await import("zod");
const { db } = await import("~/server/db");
const { enqueue } = await import("~/server/jobs/queue");
const { jobDefinitions } = await import("~/server/jobs/registry");
const { startWorker } = await import("~/server/jobs/worker");
const { run, Logger } = await import("graphile-worker");
const quiet = new Logger(() => () => undefined); // its per-job log lines would bury the figures

const CAP_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started = new Map<string, number>();
const handle = async (p: { key: string }) => void started.set(p.key, performance.now());
async function waitFor(key: string, from: number) {
  while (!started.has(key) && performance.now() - from < CAP_MS) await sleep(2);
  return started.has(key) ? started.get(key)! - from : Infinity;
}
const fmt = (ms: number) => (ms === Infinity ? "> 60 s" : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

type Engine = {
  name: string;
  app: string;
  enqueueMany(keys: string[]): Promise<void>;
  /** Marks a due job as claimed by a worker that is gone, as a kill -9 right after the claim leaves it. */
  claimAsDeadWorker(key: string): Promise<void>;
  stop(): Promise<void>;
};

async function outbox(): Promise<Engine> {
  jobDefinitions.push({ id: "bench.noop", schema: z.object({ key: z.string() }), handler: (p) => handle(p as { key: string }), pool: "fan-out" });
  const stop = startWorker({ pollMs: 1000, concurrency: { "fan-out": 4 }, onError: () => undefined });
  return {
    name: "outbox",
    app: "bench-outbox",
    enqueueMany: (keys) => db.$transaction(async (tx) => void (await Promise.all(keys.map((key) => enqueue(tx, "bench.noop", { key }))))),
    async claimAsDeadWorker(key) {
      await db.$transaction((tx) => enqueue(tx, "bench.noop", { key }));
      await db.$executeRaw`UPDATE "Job" SET "attempts" = "attempts" + 1, "lockedUntil" = now() + make_interval(secs => 15)
        WHERE "queue" = 'bench.noop' AND "payload"->>'key' = ${key}`;
    },
    stop,
  };
}

async function graphile(): Promise<Engine> {
  const runner = await run({
    connectionString: url("bench-graphile"),
    concurrency: 4,
    pollInterval: 1000,
    noHandleSignals: true,
    logger: quiet,
    taskList: { bench_noop: async (p) => handle(p as { key: string }) },
  });
  // The enqueue: SQL, in the caller's transaction on Prisma's client, like the outbox's.
  const add = (tx: Pick<typeof db, "$executeRaw">, key: string) => tx.$executeRaw`SELECT graphile_worker.add_job('bench_noop', json_build_object('key', ${key}::text))`;
  return {
    name: "graphile-worker 0.18.0",
    app: "bench-graphile",
    enqueueMany: (keys) => db.$transaction(async (tx) => void (await Promise.all(keys.map((k) => add(tx, k))))),
    async claimAsDeadWorker(key) {
      await db.$transaction((tx) => add(tx, key));
      await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'dead-worker', attempts = attempts + 1
        WHERE payload->>'key' = ${key}`;
    },
    stop: () => runner.stop(),
  };
}

async function measure(e: Engine) {
  const tag = (s: string) => `${e.name}-${s}-${Math.random().toString(36).slice(2, 8)}`;
  for (let i = 0; i < 5; i++) await e.enqueueMany([tag("warm")]);
  await sleep(500);
  const pickup: number[] = [];
  for (let i = 0; i < 100; i++) {
    const key = tag("one");
    const t0 = performance.now();
    await e.enqueueMany([key]);
    pickup.push(await waitFor(key, t0));
  }
  const batch = Array.from({ length: 2000 }, () => tag("batch"));
  const t1 = performance.now();
  await e.enqueueMany(batch);
  while (batch.some((k) => !started.has(k)) && performance.now() - t1 < CAP_MS * 2) await sleep(10);
  const drainMs = Math.max(...batch.map((k) => started.get(k) ?? Infinity)) - t1;
  // A job left claimed by a dead worker; the engine's live worker should take it again.
  const orphan = tag("orphan");
  const t2 = performance.now();
  await e.claimAsDeadWorker(orphan);
  const recoverMs = await waitFor(orphan, t2);
  // Every connection of the engine cut; then a new job.
  await db.$queryRaw`SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE application_name = ${e.app} AND pid <> pg_backend_pid()`.catch(() => undefined);
  const after = tag("after-cut");
  const t3 = performance.now();
  for (;;) {
    try {
      await e.enqueueMany([after]);
      break;
    } catch {
      await sleep(50); // the cut reached our own pooled connection too
    }
  }
  const cutMs = await waitFor(after, t3);
  console.log(
    `${e.name.padEnd(24)} pickup p50 ${fmt(pct(pickup, 0.5))}, p95 ${fmt(pct(pickup, 0.95))} | 2,000 jobs drained in ${fmt(drainMs)} ` +
      `(${drainMs === Infinity ? "-" : Math.round(2000 / (drainMs / 1000))} jobs/s) | dead worker's job runs again after ${fmt(recoverMs)} | ` +
      `first job after every connection was cut: ${fmt(cutMs)}`,
  );
}

try {
  for (const make of [outbox, graphile]) {
    const engine = await make();
    await measure(engine);
    await engine.stop();
  }
} finally {
  await db.$disconnect().catch(() => undefined);
  await dropDatabase(database.name).catch(() => undefined);
}
process.exit(0);
