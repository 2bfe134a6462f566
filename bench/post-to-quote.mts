// Post → first quote with no dealer clicking: the demo market (prisma/seed.mts, with its stock) in a scratch
// database, every dealer's automatic rule on, the job worker in this process (the same startWorker as
// `npm run worker`), and 51 requests posted through the real createRequest use-case, one every
// SPACING_MS (1 s unless BENCH_SPACING_MS says), by the three demo buyers (each shares their credit profile, so lenders decide at once).
// Prints p50/p95 of post → first quote and post → first pre-approved quote. Creates and drops its database.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { createMigratedDatabase, dropDatabase } from "../test/database";

// Each buyer may post 20 requests an hour (create-request.ts): 17 each stays under it.
const PER_BUYER = 17;
// The arrival rate decides what is measured: below the worker's throughput, the latency of one request;
// above it, the backlog. BENCH_SPACING_MS=250 shows the second on a 2-core machine.
const SPACING_MS = Number(process.env.BENCH_SPACING_MS ?? 1000);
const POLL_MS = 10;
const GIVE_UP_MS = 60_000;

const root = path.resolve(import.meta.dirname, "..");
const database = await createMigratedDatabase("keyturn_bench_ptq");
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? `b1:${randomBytes(32).toString("base64")}`,
};
Object.assign(process.env, env, { NODE_ENV: "production" });

function pctl(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pool = new pg.Pool({ connectionString: database.url, max: 1 });
let stopWorker: (() => Promise<void>) | undefined;
try {
  const seed = spawnSync("npx", ["tsx", "prisma/seed.mts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (seed.status !== 0) throw new Error("seeding the bench database failed");
  // Every dealer answers automatically (2% off), with caps high enough that 51 requests never reach them.
  const on = await pool.query(`UPDATE "Dealer" SET "autoQuoteEnabled" = true, "autoQuoteDiscountBps" = 200, "autoQuoteDailyCap" = 1000, "dailyLeadCap" = 1000 WHERE "verified"`);
  const units = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "InventoryUnit" WHERE "status" = 'AVAILABLE'`);
  await pool.query(`VACUUM ANALYZE`);
  console.log(`Demo market: ${on.rowCount} verified dealers with the rule on, ${units.rows[0]!.n} units in stock.`);

  const { db } = await import("~/server/db");
  const { startWorker } = await import("~/server/jobs/worker");
  const { createRequest } = await import("~/modules/requests/create-request");
  // Each demo buyer posts in their own metro's centre, where the demo dealers are.
  const zipOf: Record<string, string> = { "ava@demo.keyturn": "85004", "ben@demo.keyturn": "75201", "cara@demo.keyturn": "30303" };
  const buyers = await db.user.findMany({ where: { email: { in: Object.keys(zipOf) } }, select: { id: true, email: true } });
  stopWorker = startWorker({ pollMs: 1000, onError: (e) => console.error("[worker]", e instanceof Error ? e.message : e) });
  await sleep(500); // the worker's LISTEN connection is up before the first post

  const bodies = ["SUV", "SEDAN", "TRUCK"] as const;
  const posted: { id: string; at: number }[] = [];
  const firstQuote = new Map<string, number>();
  const firstApproved = new Map<string, number>();
  let polling = true;
  // One poller for every request: the first time a quote (or a usable pre-approval) is seen, that is its time.
  const poller = (async () => {
    while (polling) {
      const waiting = posted.filter((p) => !firstApproved.has(p.id)).map((p) => p.id);
      if (waiting.length) {
        const now = performance.now();
        const { rows } = await pool.query<{ requestId: string; quoted: boolean; approved: boolean }>(
          `SELECT q."requestId", true AS quoted,
                  bool_or(pa."status" IN ('APPROVED', 'CONDITIONAL')) AS approved
           FROM "Quote" q LEFT JOIN "PreApproval" pa ON pa."quoteId" = q."id"
           WHERE q."requestId" = ANY($1::text[]) GROUP BY q."requestId"`,
          [waiting],
        );
        for (const r of rows) {
          if (!firstQuote.has(r.requestId)) firstQuote.set(r.requestId, now);
          if (r.approved && !firstApproved.has(r.requestId)) firstApproved.set(r.requestId, now);
        }
      }
      await sleep(POLL_MS);
    }
  })();

  const t0 = performance.now();
  for (let i = 0; i < PER_BUYER * buyers.length; i++) {
    const buyer = buyers[i % buyers.length]!;
    const at = performance.now();
    const { id } = await createRequest(buyer.id, {
      bodyType: bodies[Math.floor(i / buyers.length) % bodies.length]!, condition: "ANY", makes: [], features: [],
      maxPriceCents: 6_000_000, downPaymentCents: 300_000, wantsFinancing: true, zip: zipOf[buyer.email]!, radiusMiles: 50,
      timeline: "WITHIN_MONTH", shareCredit: true,
    });
    posted.push({ id, at });
    await sleep(Math.max(0, at + SPACING_MS - performance.now()));
  }
  const postedIn = performance.now() - t0;
  const deadline = performance.now() + GIVE_UP_MS;
  while (performance.now() < deadline && posted.some((p) => !firstApproved.has(p.id))) {
    // A request with no quote at all by now will not get one (no dealer had a fitting unit).
    if (performance.now() - posted[posted.length - 1]!.at > 15_000 && posted.every((p) => firstQuote.has(p.id) || performance.now() - p.at > 15_000)) {
      const pending = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Job" WHERE "status" = 'PENDING' AND "queue" IN ('quotes.auto-quote', 'lending.pre-approve-quote')`);
      if (pending.rows[0]!.n === 0) break;
    }
    await sleep(100);
  }
  polling = false;
  await poller;

  const toQuote = posted.filter((p) => firstQuote.has(p.id)).map((p) => firstQuote.get(p.id)! - p.at);
  const toApproved = posted.filter((p) => firstApproved.has(p.id)).map((p) => firstApproved.get(p.id)! - p.at);
  const stats = await pool.query<{ quotes: number; auto: number; skipped: number; leads: number }>(
    `SELECT (SELECT count(*)::int FROM "Quote") AS quotes, (SELECT count(*)::int FROM "Quote" WHERE "autoSent") AS auto,
            (SELECT count(*)::int FROM "Lead" WHERE "autoQuoteSkip" IS NOT NULL) AS skipped, (SELECT count(*)::int FROM "Lead") AS leads`,
  );
  const s = stats.rows[0]!;
  console.log(`Posted ${posted.length} requests in ${sec(postedIn)} (one every ${SPACING_MS} ms): ${s.leads} leads, ${s.auto} automatic quotes, ${s.skipped} leads skipped by the rule.`);
  console.log(`post → first quote:               p50 ${sec(pctl(toQuote, 50))}  p95 ${sec(pctl(toQuote, 95))}  max ${sec(Math.max(...toQuote))}  (${toQuote.length}/${posted.length} requests quoted; goal p50 < 5 s)`);
  if (toApproved.length) console.log(`post → first pre-approved quote:  p50 ${sec(pctl(toApproved, 50))}  p95 ${sec(pctl(toApproved, 95))}  max ${sec(Math.max(...toApproved))}  (${toApproved.length}/${posted.length} requests)`);
  else console.log("post → first pre-approved quote:  none within the time allowed");
  // Where the time goes: each queue's wait plus run (created → done) and how many it ran a second.
  const queues = await pool.query<{ queue: string; n: number; p50: number; p95: number; perSec: number }>(
    `SELECT "queue", count(*)::int AS n,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "doneAt" - "createdAt")) * 1000)::float8 AS p50,
            (percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "doneAt" - "createdAt")) * 1000)::float8 AS p95,
            (count(*) / greatest(extract(epoch FROM max("doneAt") - min("createdAt")), 0.001))::float8 AS "perSec"
     FROM "Job" WHERE "doneAt" IS NOT NULL AND "queue" IN ('request.fan-out', 'quotes.auto-quote', 'lending.pre-approve-quote')
     GROUP BY "queue" ORDER BY "queue"`,
  );
  for (const q of queues.rows) console.log(`  ${q.queue.padEnd(26)} ${String(q.n).padStart(4)} jobs  queued → done p50 ${sec(q.p50)}  p95 ${sec(q.p95)}  ${q.perSec.toFixed(1)} jobs/s`);
  console.log(`(polled every ${POLL_MS} ms; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")})`);
  await stopWorker();
  stopWorker = undefined;
  await db.$disconnect();
} finally {
  await stopWorker?.().catch(() => undefined);
  await pool.end();
  await dropDatabase(database.name);
}
