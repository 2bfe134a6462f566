// Dealer analytics at 1,000,000 leads (issue 11): the analytics queries for one busy dealer, timed on a
// database holding a million leads of other dealers besides its own, and on a near-empty one holding only
// that dealer's rows, the same rows in both (generated set-based, relative to one fixed "now"). Both
// databases are kept between runs (keyturn_analytics_big / _small, marked complete with a hash of this
// file and the schema, as bench/scale does); a half-made one is made again. Timed interleaved in one run,
// each database in its own child process (the app's `db` is one pool per process), round 0 not counted.
// Prints p50 and p95 per database and the ratio big ÷ small; the goal is within 2× for every page (the
// admin's market page reads the snapshot; the job that computes it is timed too, as the cost it moves away).
// Options: --rounds N (default 30).
import { fork } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { keptDatabase } from "./kept-database.mjs";

const NOW = new Date("2026-12-09T12:00:00Z");
const BUSY = "cbenchbusydealer000000001";
const root = path.resolve(import.meta.dirname, "..");

// ── child: one database's side ────────────────────────────────────────────────────────────────────────
if (process.env.ANALYTICS_BENCH_CHILD === "1") {
  Object.assign(process.env, {
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? `b1:${randomBytes(32).toString("base64")}`,
    LIVE_TRANSPORT: "notify",
  });
  const { getDealerAnalytics } = await import("~/modules/analytics/get-dealer-analytics");
  const { listDealerCustomers } = await import("~/modules/analytics/list-dealer-customers");
  const { marketByMetro, marketView, refreshMarketSnapshot } = await import("~/modules/analytics/market-by-metro");
  // The snapshot the recurring job keeps, computed once here as the job would.
  await refreshMarketSnapshot(NOW);
  const paths: Record<string, () => Promise<unknown>> = {
    "dealer figures (speed, funnel, return)": () => getDealerAnalytics(BUSY, NOW),
    "dealer customers (stage, lifetime value)": () => listDealerCustomers(BUSY, NOW),
    "admin market page (reads the snapshot)": () => marketView(NOW),
    "market snapshot job (whole market, 30 days)": () => marketByMetro(NOW),
  };
  process.on("message", async (m: { path: string }) => {
    try {
      const t0 = performance.now();
      await paths[m.path]!();
      process.send!({ ok: true, ms: performance.now() - t0 });
    } catch (e) {
      process.send!({ ok: false, error: String(e) });
    }
  });
  process.send!({ paths: Object.keys(paths) });
}

// ── data: the busy dealer's rows (both databases), and the rest of the market (the big one only) ──────
// :BACKGROUND is the only substitution, 0 or 1, set by this file. Ids are text made from the row number,
// so the busy dealer's rows are the same in both databases.
const SCRIPT = `
INSERT INTO "Lender" ("id", "name", "updatedAt") VALUES ('cbenchlender', 'Bench Lender', now());
INSERT INTO "Dealer" ("id", "name", "street", "city", "state", "zip", "lat", "lng", "serviceRadiusMiles", "makes", "bodyTypes", "sellsNew", "sellsUsed", "minPriceCents", "maxPriceCents", "dailyLeadCap", "pricePerDealCents", "updatedAt")
SELECT CASE WHEN n = 0 THEN '${BUSY}' ELSE 'cbd' || n END, 'Bench Dealer ' || n, '1 Bench Way',
  (ARRAY['Phoenix','Dallas','Atlanta'])[1 + n % 3], (ARRAY['AZ','TX','GA'])[1 + n % 3], '85004', 33.45, -112.07, 50,
  ARRAY['Toyota'], ARRAY['SUV']::"BodyType"[], true, true, 500000, 10000000, 1000, 30000, now()
FROM generate_series(0, 2000 * :BACKGROUND) n;
INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
SELECT 'cbu' || n, 'bench-' || n || '@bench.keyturn', 'Bench Buyer ' || n, 'x', 'CUSTOMER', now()
FROM generate_series(1, 1500 + 50000 * :BACKGROUND) n;

-- The busy dealer: 5,000 leads over the last year, 3,000 of them in the 12 weeks; 1,500 buyers, so buyers
-- come back. Every 10th lead won (half of those delivered), 6 in 10 quoted, 3 in 10 pre-approved.
CREATE TEMP TABLE busy AS
SELECT i, NOW_TS - (i * interval '84 days' / 3000) AS at, 'cbu' || (1 + i % 1500) AS customer
FROM (SELECT i, TIMESTAMP '${NOW.toISOString().slice(0, 19).replace("T", " ")}' AS NOW_TS FROM generate_series(1, 5000) i) s;
INSERT INTO "Request" ("id", "customerId", "bodyType", "condition", "makes", "features", "wantsFinancing", "zip", "city", "state", "lat", "lng", "radiusMiles", "timeline", "matchedCount", "status", "expiresAt", "createdAt", "updatedAt")
SELECT 'crb' || i, customer, 'SUV', 'ANY', ARRAY['Toyota'], ARRAY[]::text[], true, '85004', 'Phoenix', 'AZ', 33.45, -112.07, 50, 'ASAP', 1,
  CASE WHEN i % 10 = 0 THEN 'ACCEPTED'::"RequestStatus" ELSE 'OPEN' END, at + interval '30 days', at, at FROM busy;
INSERT INTO "Lead" ("id", "requestId", "dealerId", "distanceMiles", "matchReasons", "buyerAlias", "bodyType", "status", "viewedAt", "firstResponseAt", "firstQuoteAt", "createdAt", "updatedAt")
SELECT 'clb' || i, 'crb' || i, '${BUSY}', 3.5, '{}'::jsonb, 'Buyer ' || upper(substr(md5(i::text), 1, 4)), 'SUV',
  (CASE WHEN i % 10 = 0 THEN 'WON' WHEN i % 10 = 9 THEN 'PASSED' WHEN i % 10 < 6 THEN 'QUOTED' WHEN i % 10 < 8 THEN 'VIEWED' ELSE 'NEW' END)::"LeadStatus",
  CASE WHEN i % 10 < 8 OR i % 10 = 9 THEN at + interval '1 minute' END,
  CASE WHEN i % 10 < 7 THEN at + (i % 37) * interval '1 minute' END,
  CASE WHEN i % 10 < 6 THEN at + (i % 37) * interval '1 minute' END, at, at FROM busy;
INSERT INTO "Quote" ("id", "leadId", "requestId", "dealerId", "requestVersion", "year", "make", "model", "vin", "condition", "mileage", "inStock", "vehiclePriceCents", "feesCents", "addOnsCents", "incentivesCents", "tradeInOfferCents", "taxCents", "otdCents", "amountFinancedCents", "status", "validUntil", "createdAt", "updatedAt")
SELECT 'cqb' || i, 'clb' || i, 'crb' || i, '${BUSY}', 1, 2025, 'Toyota', 'RAV4', 'JTMBENCH' || lpad(i::text, 9, '0'), 'NEW', 10, true,
  3000000, 80000, 0, 0, 0, 240000, 3320000, 3020000, CASE WHEN i % 10 = 0 THEN 'ACCEPTED'::"QuoteStatus" ELSE 'ACTIVE' END, at + interval '7 days', at, at
FROM busy WHERE i % 10 < 6;
INSERT INTO "PreApproval" ("id", "quoteId", "requestId", "lenderId", "status", "quoteVersion", "amountCents", "expiresAt", "createdAt", "updatedAt")
SELECT 'cpb' || i, 'cqb' || i, 'crb' || i, 'cbenchlender', 'APPROVED', 1, 3020000, at + interval '30 days', at, at FROM busy WHERE i % 10 < 3;
INSERT INTO "Deal" ("id", "requestId", "quoteId", "customerId", "dealerId", "quoteVersion", "otdCents", "outcome", "deliveredOn", "finalOtdCents", "grossProfitCents", "createdAt")
SELECT 'cdb' || i, 'crb' || i, 'cqb' || i, customer, '${BUSY}', 1, 3320000,
  CASE WHEN i % 20 = 0 THEN 'CONFIRMED'::"DealOutcome" END, CASE WHEN i % 20 = 0 THEN (at + interval '3 days')::date END,
  CASE WHEN i % 20 = 0 THEN 3320000 END, CASE WHEN i % 20 = 0 THEN 210000 END, at + interval '1 day'
FROM busy WHERE i % 10 = 0;
INSERT INTO "ConsentGrant" ("id", "customerId", "granteeType", "dealerId", "fields", "purpose", "requestId", "expiresAt", "revokedAt", "createdAt")
SELECT 'cgb' || i, customer, 'DEALER', '${BUSY}', ARRAY['CONTACT']::"DataField"[], 'Completing the purchase', 'crb' || i, at + interval '365 days',
  CASE WHEN i % 70 = 0 THEN at + interval '10 days' END, at
FROM busy WHERE i % 10 = 0;

-- The rest of the market (big database only): 99,500 requests with 10 leads each (995,000 leads, a
-- million with the busy dealer's) over the same year, from 50,000 buyers to 2,000 dealers in three metros;
-- a quarter of the leads quoted, a fifth of those pre-approved, a tenth of the requests accepted.
CREATE TEMP TABLE bg AS
SELECT r, TIMESTAMP '${NOW.toISOString().slice(0, 19).replace("T", " ")}' - (r * interval '365 days' / 99500) AS at FROM generate_series(1, 99500 * :BACKGROUND) r;
INSERT INTO "Request" ("id", "customerId", "bodyType", "condition", "makes", "features", "wantsFinancing", "zip", "city", "state", "lat", "lng", "radiusMiles", "timeline", "matchedCount", "status", "expiresAt", "createdAt", "updatedAt")
SELECT 'cr' || r, 'cbu' || (1501 + r % 50000), 'SUV', 'ANY', ARRAY['Toyota'], ARRAY[]::text[], true, '85004',
  (ARRAY['Phoenix','Dallas','Atlanta'])[1 + r % 3], (ARRAY['AZ','TX','GA'])[1 + r % 3], 33.45, -112.07, 50, 'ASAP', 10,
  CASE WHEN r % 10 = 0 THEN 'ACCEPTED'::"RequestStatus" ELSE 'OPEN' END, at + interval '30 days', at, at FROM bg;
INSERT INTO "Lead" ("id", "requestId", "dealerId", "distanceMiles", "matchReasons", "buyerAlias", "bodyType", "status", "viewedAt", "firstResponseAt", "firstQuoteAt", "createdAt", "updatedAt")
SELECT 'cl' || r || '_' || k, 'cr' || r, 'cbd' || (1 + (r * 7 + k * 211) % 2000), 5.0, '{}'::jsonb, 'Buyer ' || k, 'SUV',
  (CASE WHEN k = 0 AND r % 10 = 0 THEN 'WON' WHEN k < 3 THEN 'QUOTED' ELSE 'NEW' END)::"LeadStatus",
  CASE WHEN k < 6 THEN at + interval '2 minutes' END, CASE WHEN k < 3 THEN at + k * interval '4 minutes' END, CASE WHEN k < 3 THEN at + k * interval '4 minutes' END, at, at
FROM bg, generate_series(0, 9) k;
INSERT INTO "Quote" ("id", "leadId", "requestId", "dealerId", "requestVersion", "year", "make", "model", "vin", "condition", "mileage", "inStock", "vehiclePriceCents", "feesCents", "addOnsCents", "incentivesCents", "tradeInOfferCents", "taxCents", "otdCents", "amountFinancedCents", "status", "validUntil", "createdAt", "updatedAt")
SELECT 'cq' || r || '_' || k, 'cl' || r || '_' || k, 'cr' || r, 'cbd' || (1 + (r * 7 + k * 211) % 2000), 1, 2025, 'Toyota', 'RAV4', 'JTMBG' || lpad(r::text, 10, '0') || k, 'NEW', 10, true,
  3000000, 80000, 0, 0, 0, 240000, 3320000, 3020000, CASE WHEN k = 0 AND r % 10 = 0 THEN 'ACCEPTED'::"QuoteStatus" ELSE 'ACTIVE' END, at + interval '7 days', at, at
FROM bg, generate_series(0, 2) k WHERE k < 2 OR r % 2 = 0;
INSERT INTO "PreApproval" ("id", "quoteId", "requestId", "lenderId", "status", "quoteVersion", "amountCents", "expiresAt", "createdAt", "updatedAt")
SELECT 'cp' || r, 'cq' || r || '_0', 'cr' || r, 'cbenchlender', 'APPROVED', 1, 3020000, at + interval '30 days', at, at FROM bg WHERE r % 2 = 0;
INSERT INTO "Deal" ("id", "requestId", "quoteId", "customerId", "dealerId", "quoteVersion", "otdCents", "outcome", "deliveredOn", "finalOtdCents", "createdAt")
SELECT 'cd' || r, 'cr' || r, 'cq' || r || '_0', 'cbu' || (1501 + r % 50000), 'cbd' || (1 + (r * 7) % 2000), 1, 3320000, 'CONFIRMED', (at + interval '3 days')::date, 3320000, at + interval '1 day'
FROM bg WHERE r % 10 = 0;
`;

const shape = createHash("sha256").update(SCRIPT).update(readFileSync(path.join(root, "prisma", "migrations", "0001_init", "migration.sql"))).digest("hex").slice(0, 12);

const ensure = (name: string, background: 0 | 1) =>
  keptDatabase(name, `keyturn analytics bench ${shape} background=${background}`, (c) => c.query(SCRIPT.replaceAll(":BACKGROUND", String(background))).then(() => undefined));

async function counts(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const q = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
    return {
      leads: await q(`SELECT count(*) AS n FROM "Lead"`),
      busyLeads: await q(`SELECT count(*) AS n FROM "Lead" WHERE "dealerId" = '${BUSY}'`),
      busyLeadsIn12Weeks: await q(`SELECT count(*) AS n FROM "Lead" WHERE "dealerId" = '${BUSY}' AND "createdAt" >= TIMESTAMP '2026-09-21'`),
      quotes: await q(`SELECT count(*) AS n FROM "Quote"`),
      deals: await q(`SELECT count(*) AS n FROM "Deal"`),
      busyDeals: await q(`SELECT count(*) AS n FROM "Deal" WHERE "dealerId" = '${BUSY}'`),
    };
  } finally {
    await c.end();
  }
}

type Reply = { ok: true; ms: number } | { ok: false; error: string };
function child(url: string) {
  const p = fork(path.join(import.meta.dirname, "analytics.mts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: url, DATABASE_POOL_SIZE: "4", ANALYTICS_BENCH_CHILD: "1" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = new Promise<string[]>((resolve, reject) => {
    p.once("message", (m: { paths: string[] }) => resolve(m.paths));
    p.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
  });
  const run = (name: string) =>
    new Promise<Reply>((resolve) => {
      p.once("message", (m: Reply) => resolve(m));
      p.send({ path: name });
    });
  return { p, ready, run };
}

const pctl = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function main() {
  const args = process.argv.slice(2);
  const rounds = Number(args.includes("--rounds") ? args[args.indexOf("--rounds") + 1] : 30);
  const dbs = [
    { name: "near-empty", url: await ensure("keyturn_analytics_small", 0) },
    { name: "1M leads", url: await ensure("keyturn_analytics_big", 1) },
  ];
  for (const d of dbs) console.log(`${d.name.padEnd(11)} ${Object.entries(await counts(d.url)).map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`).join(", ")}`);
  const kids = dbs.map((d) => child(d.url));
  try {
    const names = (await Promise.all(kids.map((k) => k.ready)))[0]!;
    const samples = names.map(() => dbs.map(() => [] as number[]));
    for (let round = 0; round <= rounds; round++) {
      for (const [n, name] of names.entries()) {
        // Alternate which database goes first, so drift on a shared machine falls on both alike.
        for (let j = 0; j < dbs.length; j++) {
          const i = (j + round) % dbs.length;
          const r = await kids[i]!.run(name);
          if (!r.ok) throw new Error(`${name} on ${dbs[i]!.name}: ${r.error}`);
          if (round > 0) samples[n]![i]!.push(r.ms);
        }
      }
    }
    console.log(`\n${rounds} rounds, busy dealer ${BUSY}, now = ${NOW.toISOString()}`);
    console.log(`${"path".padEnd(48)} ${"empty p50".padStart(10)} ${"empty p95".padStart(10)} ${"1M p50".padStart(10)} ${"1M p95".padStart(10)} ${"ratio p50".padStart(10)} ${"ratio p95".padStart(10)}`);
    for (const [n, name] of names.entries()) {
      const [s, b] = samples[n]!;
      const f = (x: number) => `${x.toFixed(1)} ms`.padStart(10);
      const r50 = pctl(b!, 0.5) / pctl(s!, 0.5);
      const r95 = pctl(b!, 0.95) / pctl(s!, 0.95);
      console.log(`${name.padEnd(48)} ${f(pctl(s!, 0.5))} ${f(pctl(s!, 0.95))} ${f(pctl(b!, 0.5))} ${f(pctl(b!, 0.95))} ${`${r50.toFixed(2)}×`.padStart(10)} ${`${r95.toFixed(2)}×`.padStart(10)}`);
    }
    console.log(`goal: every page within 2×; the snapshot job counts the whole market's last 30 days off the request path, every 10 minutes`);
  } finally {
    for (const k of kids) k.p.kill();
  }
}

// Last, so every constant above is initialised before the parent uses it.
if (process.env.ANALYTICS_BENCH_CHILD !== "1") await main();
