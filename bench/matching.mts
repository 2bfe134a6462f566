// Matching at national scale: 60,000 dealers on real ZIP centroids, a metro request, three ways to match,
// then the fan-out of a request that reaches ~300 dealers. Creates and drops its own database.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import pg from "pg";
import zipcodes from "zipcodes";
import { createMigratedDatabase, dropDatabase } from "../test/database";

const DEALERS = 60_000;
const RUNS = 200;
const NAIVE_RUNS = 20;
const FANOUT_RUNS = 40;

const database = await createMigratedDatabase("keyturn_bench");
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.ENCRYPTION_KEYS ??= `b1:${randomBytes(32).toString("base64")}`;
Object.assign(process.env, { NODE_ENV: "production" });

const { db } = await import("~/server/db");
const { findCandidateDealers, candidateStatement } = await import("~/modules/matching/candidates");
const { evaluateEligibility, budgetCeilingCents } = await import("~/modules/matching/eligibility");
const { createRequest } = await import("~/modules/requests/create-request");
const { runDueJobs } = await import("~/server/jobs/worker");
const { fanOutRequest } = await import("~/modules/matching/fan-out");
const { lookupZip } = await import("~/modules/geo/zip");

// Deterministic randomness, so runs are comparable.
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const MAKES = ["Toyota", "Honda", "Ford", "Chevrolet", "Nissan", "Hyundai", "Kia", "Subaru", "Mazda", "Jeep", "Ram", "GMC", "BMW", "Lexus", "Volkswagen"];
const BODIES = ["SEDAN", "SUV", "TRUCK", "COUPE", "HATCHBACK", "MINIVAN", "WAGON", "CONVERTIBLE", "VAN"];

function pctl(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

const pool = new pg.Pool({ connectionString: database.url, max: 2 });
try {
  // ── 60,000 dealers spread over real ZIP centroids (ZIP density follows population) ──
  const zips = (zipcodes as unknown as { codes: Record<string, { zip: string; latitude: number; longitude: number; city: string; state: string }> }).codes;
  const places = Object.values(zips).filter((z) => typeof z.latitude === "number" && z.latitude > 18 && z.latitude < 50 && z.longitude > -125 && z.longitude < -66);
  const t0 = performance.now();
  for (let i = 0; i < DEALERS; i += 5000) {
    const n = Math.min(5000, DEALERS - i);
    const rows = Array.from({ length: n }, () => {
      const p = pick(places);
      const makes = [...new Set([pick(MAKES), pick(MAKES), pick(MAKES)])];
      const bodies = [...new Set(Array.from({ length: 3 + Math.floor(rand() * 5) }, () => pick(BODIES)))];
      const min = pick([500_000, 1_000_000, 1_500_000, 2_500_000]);
      return { p, makes, bodies, min, max: min + pick([3_000_000, 5_000_000, 10_000_000]), radius: pick([15, 25, 35, 50, 75]) };
    });
    await pool.query(
      `INSERT INTO "Dealer" ("id","name","street","city","state","zip","lat","lng","serviceRadiusMiles","makes","bodyTypes","sellsNew","sellsUsed","minPriceCents","maxPriceCents","dailyLeadCap","verified","updatedAt")
       SELECT gen_random_uuid()::text, 'Bench dealer', '1 Bench Rd', x.city, x.state, x.zip, x.lat, x.lng, x.radius,
              string_to_array(x.makes, ','), string_to_array(x.bodies, ',')::"BodyType"[], x.sells_new, true, x.min, x.max, 1000, true, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::int[], $7::text[], $8::text[], $9::bool[], $10::int[], $11::int[])
         AS x(city, state, zip, lat, lng, radius, makes, bodies, sells_new, min, max)`,
      [
        rows.map((r) => r.p.city), rows.map((r) => r.p.state), rows.map((r) => r.p.zip),
        rows.map((r) => r.p.latitude + (rand() - 0.5) * 0.02), rows.map((r) => r.p.longitude + (rand() - 0.5) * 0.02),
        rows.map((r) => r.radius), rows.map((r) => r.makes.join(",")), rows.map((r) => r.bodies.join(",")),
        rows.map(() => rand() < 0.7), rows.map((r) => r.min), rows.map((r) => r.max),
      ],
    );
  }
  // Steady state: autovacuum sets the visibility map of a table that changes rarely, which is what lets the
  // matching scan answer from its covering index alone.
  await pool.query(`VACUUM ANALYZE "Dealer"`);
  console.log(`Inserted ${DEALERS.toLocaleString()} dealers over ${places.length.toLocaleString()} ZIP centroids in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // ── A metro request: Newark, NJ (New York metro), 50 miles, SUVs, any make, new or used, $45k ──
  const place = lookupZip("07102")!;
  const request = { bodyType: "SUV" as const, condition: "ANY" as const, makes: [] as string[], maxPriceCents: 4_500_000, maxMonthlyCents: null, termMonths: null, downPaymentCents: 0, radiusMiles: 50 };
  const q = { lat: place.lat, lng: place.lng, radiusMiles: request.radiusMiles, bodyType: request.bodyType, condition: request.condition, makes: request.makes, budgetCeilingCents: budgetCeilingCents(request), customerId: "bench" };
  const radiusM = request.radiusMiles * 1609.344;

  const time = async (runs: number, fn: () => Promise<number>) => {
    const ms: number[] = [];
    let count = 0;
    for (let i = 0; i < 5; i++) await fn(); // warm-up
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      count = await fn();
      ms.push(performance.now() - s);
    }
    return { p50: pctl(ms, 50), p95: pctl(ms, 95), count };
  };

  const indexed = await time(RUNS, async () => (await findCandidateDealers(q)).length);

  const bare = await time(RUNS, async () => {
    const r = await pool.query(
      `SELECT "id" FROM "Dealer"
       WHERE earth_box(ll_to_earth($1, $2), $3) @> "earth"
         AND cube_distance(ll_to_earth($1, $2), "earth") <= 2 * earth() * sin(least($3::float8, "serviceRadiusMiles" * 1609.344) / (2 * earth()))`,
      [place.lat, place.lng, radiusM],
    );
    return r.rowCount ?? 0;
  });

  const naive = await time(NAIVE_RUNS, async () => {
    const all = await db.dealer.findMany({
      select: { id: true, lat: true, lng: true, serviceRadiusMiles: true, makes: true, bodyTypes: true, sellsNew: true, sellsUsed: true, minPriceCents: true, maxPriceCents: true, dailyLeadCap: true },
    });
    const R = 3958.7613;
    const rad = (d: number) => (d * Math.PI) / 180;
    return all.filter((d) => {
      const dLat = rad(d.lat - place.lat);
      const dLng = rad(d.lng - place.lng);
      const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(place.lat)) * Math.cos(rad(d.lat)) * Math.sin(dLng / 2) ** 2;
      const distanceMiles = 2 * R * Math.asin(Math.sqrt(a));
      return evaluateEligibility(request, d, { distanceMiles, leadsToday: 0, blocked: false }).eligible;
    }).length;
  });

  const plan = await pool.query(
    `EXPLAIN (ANALYZE, FORMAT JSON) SELECT "id" FROM "Dealer" WHERE earth_box(ll_to_earth($1, $2), $3) @> "earth"
       AND cube_distance(ll_to_earth($1, $2), "earth") <= 2 * earth() * sin(least($3::float8, "serviceRadiusMiles" * 1609.344) / (2 * earth()))`,
    [place.lat, place.lng, radiusM],
  );
  const usesIndex = JSON.stringify(plan.rows[0]).includes("Dealer_earth_gist");
  // Server-side time of the full matching call (the function and the statement it runs), which client CPU
  // contention does not inflate.
  const sql = candidateStatement(q);
  const exec: number[] = [];
  for (let i = 0; i < 50; i++) {
    const r = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, sql.values);
    const json = r.rows[0]["QUERY PLAN"] as [{ "Execution Time": number; "Planning Time": number }];
    exec.push(json[0]["Execution Time"] + json[0]["Planning Time"]);
  }
  // The plan of the statement inside the function, as auto_explain reports it to this session.
  const planClient = await pool.connect();
  const innerPlans: string[] = [];
  planClient.on("notice", (n) => innerPlans.push(n.message ?? ""));
  await planClient.query(`LOAD 'auto_explain'`);
  await planClient.query(`SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET auto_explain.log_analyze = ${process.env.BENCH_EXPLAIN ? "on" : "off"}; SET client_min_messages = log`);
  await planClient.query(sql.text, sql.values);
  planClient.release(true);
  const innerPlan = innerPlans.find((m) => m.includes("json_agg")) ?? "";
  const fullUsesIndex = /Index (Only )?Scan using "Dealer_earth_suv_gist"/.test(innerPlan);
  if (process.env.BENCH_EXPLAIN) console.log(innerPlan);
  console.log(`\nMatching a 50-mile SUV request in Newark, NJ against ${DEALERS.toLocaleString()} dealers (p50 / p95, ${RUNS} runs; naive ${NAIVE_RUNS}):`);
  console.log(`  indexed query (all rules, as the app)  ${fmt(indexed.p50)} / ${fmt(indexed.p95)}   → ${indexed.count} dealers match${indexed.p95 <= 5 ? "  ✓ target p95 ≤ 5 ms" : "  ✗ above the 5 ms target"}`);
  console.log(`  naive: load every dealer, filter in JS ${fmt(naive.p50)} / ${fmt(naive.p95)}   → ${naive.count} dealers match`);
  console.log(`  bare SQL (radius only, pg driver)      ${fmt(bare.p50)} / ${fmt(bare.p95)}   → ${bare.count} dealers in both radii`);
  console.log(`  indexed query, server time only         ${fmt(pctl(exec, 50))} / ${fmt(pctl(exec, 95))}   (planning + execution, EXPLAIN ANALYZE; SUV partial GiST index used: ${fullUsesIndex ? "yes" : "NO"})`);
  console.log(`  (machine load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(" / ")})`);
  console.log(`  ratios (p50): naive / indexed = ${(naive.p50 / indexed.p50).toFixed(1)}×, indexed / bare = ${(indexed.p50 / bare.p50).toFixed(1)}×; GiST index used: ${usesIndex ? "yes" : "NO"}`);

  // ── Fan-out: post → every lead committed, for a request that reaches ~300 dealers ──
  const hub = lookupZip("57701")!; // Rapid City, SD: few random dealers nearby, so the matches are ours.
  await pool.query(
    `INSERT INTO "Dealer" ("id","name","street","city","state","zip","lat","lng","serviceRadiusMiles","makes","bodyTypes","sellsNew","sellsUsed","minPriceCents","maxPriceCents","dailyLeadCap","verified","updatedAt")
     SELECT gen_random_uuid()::text, 'Fan-out dealer', '1 Bench Rd', $1, $2, $3, $4 + (random() - 0.5) * 0.5, $5 + (random() - 0.5) * 0.5, 60,
            ARRAY['Toyota','Honda'], ARRAY['SUV','SEDAN']::"BodyType"[], true, true, 500000, 9000000, 100000, true, now()
     FROM generate_series(1, 300)`,
    [hub.city, hub.state, hub.zip, hub.lat, hub.lng],
  );
  // "All leads committed" is observed as the buyer's page observes it: the request.fanned-out live event,
  // which PostgreSQL delivers only once the fan-out transaction has committed.
  const listener = new pg.Client({ connectionString: database.url });
  await listener.connect();
  await listener.query("LISTEN kt_events");
  const waiting = new Map<string, (at: number) => void>();
  listener.on("notification", (m) => {
    const e = JSON.parse(m.payload ?? "{}") as { type?: string; id?: string };
    if (e.type === "request.fanned-out" && e.id) waiting.get(e.id)?.(performance.now());
  });
  const fanout: number[] = [];
  const jobDone: number[] = [];
  const txOnly: number[] = [];
  let matched = 0;
  for (let i = 0; i < FANOUT_RUNS + 3; i++) {
    // A fresh buyer per run keeps clear of the per-buyer posting limit.
    const user = await db.user.create({ data: { email: `bench-${i}-${randomBytes(4).toString("hex")}@bench.keyturn`, name: "Bench buyer", passwordHash: "x", role: "CUSTOMER" }, select: { id: true } });
    const s = performance.now();
    const { id } = await createRequest(user.id, { bodyType: "SUV", condition: "NEW", makes: ["Toyota"], features: [], maxPriceCents: 4_000_000, downPaymentCents: 0, wantsFinancing: true, zip: "57701", radiusMiles: 50, timeline: "ASAP", shareCredit: false });
    const committed = new Promise<number>((resolve) => waiting.set(id, resolve));
    await runDueJobs(5, ["request.fan-out"]);
    const done = performance.now() - s;
    const ms = (await committed) - s;
    // The fan-out transaction alone (matching + 300 inserts + notifications), forced to run again.
    await db.request.update({ where: { id }, data: { fannedOutAt: null } });
    await db.lead.deleteMany({ where: { requestId: id } });
    const s2 = performance.now();
    await fanOutRequest(id);
    if (i >= 3) txOnly.push(performance.now() - s2);
    const r = await db.request.findUniqueOrThrow({ where: { id }, select: { matchedCount: true, fannedOutAt: true } });
    if (!r.fannedOutAt) throw new Error("fan-out did not complete");
    matched = r.matchedCount;
    if (i >= 3) fanout.push(ms);
    if (i >= 3) jobDone.push(done);
  }
  console.log(`\nFan-out: post → all leads committed, ${matched} leads per request (p50 / p95, ${FANOUT_RUNS} runs):`);
  console.log(`  post → all leads committed (live event seen)   ${fmt(pctl(fanout, 50))} / ${fmt(pctl(fanout, 95))}${pctl(fanout, 95) <= 50 ? "  ✓ target p95 ≤ 50 ms" : "  ✗ above the 50 ms target"}`);
  console.log(`  post → the worker has also marked its job done ${fmt(pctl(jobDone, 50))} / ${fmt(pctl(jobDone, 95))}`);
  console.log(`  the fan-out alone (match + transaction)        ${fmt(pctl(txOnly, 50))} / ${fmt(pctl(txOnly, 95))}`);
  console.log(`  (machine load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(" / ")})`);
  await listener.end();
} finally {
  await pool.end();
  await db.$disconnect();
  await dropDatabase(database.name);
}
process.exit(0);
