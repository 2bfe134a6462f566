// Scaling out, on one database: two lender API processes and two worker processes, each its own OS
// process with its own pool, as production runs them (README, "Scaling out"). Decisions sent to either
// API process are recorded once (the same Idempotency-Key at both is one decision), and every job the
// two workers share runs exactly once: each is claimed once (attempts = 1) and its effect is written once.
// Its own database: the workers run every queue, which must not touch other files' rows.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, dropDatabase } from "../../../test/database";
import { seedLenderWorld } from "../../../test/lender-world";
import { startApiProcess } from "../../../test/api-process";
import { jobDefinitions } from "~/server/jobs/registry";

const root = path.resolve(import.meta.dirname, "../../..");
const JOBS = 300;
const DECISIONS = 40;

/** A port nothing listens on now (the OS picks it), for one API process. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

let database: { name: string; url: string };
let pool: pg.Pool;
let world: Awaited<ReturnType<typeof seedLenderWorld>>;
const apis: { baseUrl: string; stop: () => void }[] = [];
const workers: ChildProcess[] = [];

function startWorkerProcess(url: string) {
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/worker.mts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true, // its own process group: stopping it ends tsx and node together
    env: { ...process.env, DATABASE_URL: url, MAIL_TRANSPORT: "log", DATABASE_POOL_SIZE: "4" },
  });
  workers.push(child);
}

/** Polls until `done` holds (the workers are separate processes; there is nothing to await). */
async function until(done: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 600; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gave up waiting for ${what}`);
}

beforeAll(async () => {
  database = await createMigratedDatabase("keyturn_scale_out");
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  world = await seedLenderWorld(pool, DECISIONS);
  for (let i = 0; i < 2; i++) apis.push(await startApiProcess({ databaseUrl: database.url, port: await freePort(), poolSize: 4 }));
}, 180_000);

afterAll(async () => {
  for (const w of workers) if (w.pid) try { process.kill(-w.pid, "SIGTERM"); } catch { /* gone */ }
  for (const a of apis) a.stop();
  await pool?.end();
  await new Promise((r) => setTimeout(r, 500));
  if (database) await dropDatabase(database.name);
});

const decide = (api: number, i: number, key: string) =>
  fetch(`${apis[api]!.baseUrl}/api/v1/pre-approvals/${world.paId(i)}/decisions`, {
    method: "POST",
    headers: { authorization: `Bearer ${world.secret}`, "idempotency-key": key, "content-type": "application/json" },
    body: JSON.stringify({ decision: "approved", decisionVersion: 1, quoteVersion: 1, aprBps: 650, termMonths: 60, maxAmountCents: 4_000_000 }),
  }).then(async (r) => ({ status: r.status, body: await r.json() as unknown }));

describe("two API processes and two workers on one database", () => {
  it("record each decision once, whichever process receives it", async () => {
    // Every decision goes to both processes at once, with the same key: one records it, the other replays it.
    const answers = await Promise.all(Array.from({ length: DECISIONS }, (_, k) => Promise.all([decide(0, k + 1, `both-${k}`), decide(1, k + 1, `both-${k}`)])));
    for (const [a, b] of answers) {
      expect(a.status).toBe(201);
      expect(b).toEqual(a);
    }
    const stored = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "IdempotencyRecord" WHERE "key" LIKE 'both-%'`);
    expect(stored.rows[0]!.n).toBe(DECISIONS);
    const approved = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "PreApproval" WHERE "status" = 'APPROVED' AND "decisionVersion" = 1`);
    expect(approved.rows[0]!.n).toBe(DECISIONS);
  }, 180_000);

  it("run every job exactly once between them, and queue one run of each recurring job", async () => {
    // Jobs written as the app writes them (a notification, and its email job in the outbox).
    await pool.query(`
      INSERT INTO "Notification" ("id", "userId", "kind", "title", "body") SELECT 'scale_n' || g, 'world_user', 'quote', 'A new quote', 'A dealer quoted.' FROM generate_series(1, $1::int) g;
      INSERT INTO "Job" ("id", "queue", "payload") SELECT 'scale_j' || g, 'notification.email', jsonb_build_object('notificationId', 'scale_n' || g) FROM generate_series(1, $1::int) g`.replace(/\$1::int/g, String(JOBS)));
    startWorkerProcess(database.url);
    startWorkerProcess(database.url);

    await until(async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Job" WHERE "id" LIKE 'scale_j%' AND "status" = 'DONE'`)).rows[0]!.n === JOBS, "the workers to finish");
    const jobs = await pool.query<{ attempts: number; n: number }>(`SELECT "attempts", count(*)::int AS n FROM "Job" WHERE "id" LIKE 'scale_j%' GROUP BY 1`);
    expect(jobs.rows).toEqual([{ attempts: 1, n: JOBS }]); // each claimed once: no job ran twice
    const mail = await pool.query<{ n: number; sent: number }>(`SELECT count(*)::int AS n, count("sentAt")::int AS sent FROM "OutboundEmail" WHERE "id" LIKE 'ntf_scale_n%'`);
    expect(mail.rows[0]).toEqual({ n: JOBS, sent: JOBS });

    // Both workers started and each made sure the recurring jobs were queued: one pending run each.
    const recurring = jobDefinitions.filter((d) => d.everyMs).map((d) => d.id).sort();
    // (Columns hold UTC without a zone, as everywhere in the schema.)
    const next = () => pool.query<{ queue: string; n: number }>(
      `SELECT "queue", count(*)::int AS n FROM "Job" WHERE "queue" = ANY($1::text[]) AND "status" = 'PENDING' AND "runAt" > (now() AT TIME ZONE 'UTC') GROUP BY 1 ORDER BY 1`, [recurring]);
    await until(async () => (await next()).rowCount === recurring.length, "each recurring job's first run to finish and queue the next");
    const pending = await next();
    expect(pending.rows).toEqual(recurring.map((queue) => ({ queue, n: 1 })));
  }, 240_000);
});
