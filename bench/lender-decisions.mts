// Lender decisions over HTTP: POST /api/v1/pre-approvals/{id}/decisions with a fresh Idempotency-Key
// each, through the lender API process (`npm run api`) on its own port and database (autocannon,
// keep-alive), beside the same statements sent as bare SQL on a pg pool of the same size. The two take
// turns in short rounds, so a shared machine's drift in speed falls on both alike and the ratio between
// them means something. Creates and drops its own database.
import { createHash, randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import { createMigratedDatabase, dropDatabase } from "../test/database";
import { seedLenderWorld } from "../test/lender-world";
import { startApiProcess } from "../test/api-process";

const PORT = Number(process.env.BENCH_PORT ?? 3390);
const CONNECTIONS = 16;
const ROUNDS = 3;
const ROUND_S = 5; // per side per round: 15 s of HTTP and 15 s of bare SQL in all
// More rows than the run can decide: every request decides a fresh row.
const PRE_APPROVALS = 90_000;

const database = await createMigratedDatabase("keyturn_bench_lender");
const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
let server: Awaited<ReturnType<typeof startApiProcess>> | null = null;

function pctl(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

try {
  // ── world: one lender with a live key, one quoted request, 60k pending pre-approvals (bare inserts) ──
  const { secret, paId, keyId, lenderId, requestId } = await seedLenderWorld(pool, PRE_APPROVALS);

  // ── the lender API process, on its own port and database ──
  server = await startApiProcess({ databaseUrl: database.url, port: PORT, poolSize: CONNECTIONS });

  let n = 0;
  const body = (i: number) => JSON.stringify({ decision: "approved", decisionVersion: 1, quoteVersion: 1, aprBps: 650 + (i % 50), termMonths: 60, maxAmountCents: 4_000_000 });
  const run = (duration: number) =>
    autocannon({
      url: `http://127.0.0.1:${PORT}`,
      connections: CONNECTIONS,
      duration,
      pipelining: 1,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      requests: [
        {
          method: "POST",
          setupRequest: (req) => {
            const i = ++n;
            return { ...req, path: `/api/v1/pre-approvals/${paId(i)}/decisions`, headers: { ...req.headers, "idempotency-key": `bench-${i}` }, body: body(i) };
          },
        },
      ],
    });
  // ── the same statements as bare SQL, on a pg pool of the same size: the ones the decision path sends
  // (api-keys.ts authenticateStatement, lender-api.ts decisionReadStatement and decisionWriteStatement),
  // without HTTP, routing, validation or response building. ──
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), ENCRYPTION_KEYS: `b1:${randomBytes(32).toString("base64")}` });
  const { authenticateStatement } = await import("~/modules/lender-api/api-keys");
  const { decisionReadStatement, decisionWriteStatement } = await import("~/modules/lender-api/operations");
  const { offerOf, withPayment } = await import("~/modules/lending/record-decision");
  const auth = authenticateStatement(createHash("sha256").update(secret).digest("hex"));
  const caller = { keyId, lenderId };
  const sqlLat: number[] = [];
  let sqlApplied = 0;
  let sqlDone = 0;
  let sqlSeconds = 0;
  const bareSql = async (seconds: number) => {
    const t0 = performance.now();
    const until = t0 + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          const i = ++n;
          const s = performance.now();
          // Named, as the app's are: each connection parses and plans them once.
          await pool.query({ name: "auth", text: auth.text, values: auth.values });
          await pool.query(decisionReadStatement(caller, `sql-${i}`, paId(i)));
          const decision = JSON.parse(body(i)) as Parameters<typeof offerOf>[0];
          const write = decisionWriteStatement({
            caller, preApprovalId: paId(i), decision, offer: withPayment(offerOf(decision), 3_000_000), amountCents: 3_000_000, now: new Date(),
            idempotencyKey: `sql-${i}`, requestHash: "h", body: { applied: true }, events: [{ topic: `request:${requestId}`, type: "pre_approval.updated", id: paId(i) }, { topic: `lender:${lenderId}`, type: "pre_approval.decided", id: paId(i) }], viaNotify: true,
          });
          const w = await pool.query({ name: "write", text: write.text, values: write.values });
          sqlApplied += w.rows[0].stored;
          sqlDone++;
          sqlLat.push(performance.now() - s);
        }
      }),
    );
    sqlSeconds += (performance.now() - t0) / 1000;
  };

  await run(3); // warm-up: JIT, connection pool
  await bareSql(2);
  [sqlLat.length, sqlApplied, sqlDone, sqlSeconds] = [0, 0, 0, 0];
  // Decisions the HTTP side stored (its idempotency keys are bench-…; the bare-SQL side's are sql-…).
  const httpStored = async () => (await pool.query(`SELECT count(*)::int AS c FROM "IdempotencyRecord" WHERE "key" LIKE 'bench-%'`)).rows[0].c as number;
  const before = await httpStored();
  const rounds: { rate: number; p50: number; p99: number; ok: number; non2xx: number; errors: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const h = await run(ROUND_S);
    rounds.push({ rate: h["2xx"] / ROUND_S, p50: h.latency.p50, p99: h.latency.p99, ok: h["2xx"], non2xx: h.non2xx, errors: h.errors });
    await bareSql(ROUND_S);
  }
  const httpOk = rounds.reduce((a, r) => a + r.ok, 0);
  const httpRate = httpOk / (ROUNDS * ROUND_S);
  // autocannon reports percentiles per run: the median round's p50 and the worst round's p99.
  const http = { latency: { p50: pctl(rounds.map((r) => r.p50), 50), p99: Math.max(...rounds.map((r) => r.p99)) }, non2xx: rounds.reduce((a, r) => a + r.non2xx, 0), errors: rounds.reduce((a, r) => a + r.errors, 0) };
  const applied = (await httpStored()) - before;
  const sqlRate = sqlDone / sqlSeconds;
  // The same server answering its cheapest route (one SELECT 1): the ceiling any route handler can reach
  // on this machine, against which the decision rate can be read.
  const ceiling = await autocannon({ url: `http://127.0.0.1:${PORT}/api/health`, connections: CONNECTIONS, duration: ROUND_S, pipelining: 1 });
  const ceilingRate = ceiling["2xx"] / ROUND_S;

  const p = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`Lender decisions (POST /api/v1/pre-approvals/{id}/decisions, ${CONNECTIONS} keep-alive connections, loopback; ${ROUNDS} rounds of ${ROUND_S} s HTTP then ${ROUND_S} s bare SQL):`);
  console.log(`  HTTP      ${httpRate.toFixed(0).padStart(6)} decisions/s   p50 ${p(http.latency.p50)}   p99 ${p(http.latency.p99)}   (${httpOk} 2xx, ${http.non2xx} non-2xx, ${http.errors} errors, ${applied} rows approved; per round ${rounds.map((r) => r.rate.toFixed(0)).join(" / ")})`);
  console.log(`  bare SQL  ${sqlRate.toFixed(0).padStart(6)} decisions/s   p50 ${p(pctl(sqlLat, 50))}   p99 ${p(pctl(sqlLat, 99))}   (the same 3 statements, pg pool of ${CONNECTIONS}; ${sqlDone} sent, ${sqlApplied} rows approved)`);
  console.log(`  ceiling   ${ceilingRate.toFixed(0).padStart(6)} requests/s  p50 ${p(ceiling.latency.p50)}   p99 ${p(ceiling.latency.p99)}   (GET /api/health on the same process: SELECT 1, no auth, no writes)`);
  console.log(`  ratio     HTTP costs ${(sqlRate / httpRate).toFixed(2)}× bare SQL per decision`);
  console.log(`  targets   ≥ 1,000 decisions/s: ${httpRate >= 1000 ? "met" : "NOT met"} · p99 ≤ 50 ms: ${http.latency.p99 <= 50 ? "met" : "NOT met"} · ≤ 1.5× bare SQL: ${sqlRate / httpRate <= 1.5 ? "met" : "NOT met"}`);
} finally {
  server?.stop();
  await pool.end();
  await new Promise((r) => setTimeout(r, 500));
  await dropDatabase(database.name);
}
