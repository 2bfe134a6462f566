// Stock ranking at national scale: 60,000 dealers × 40 units (2.4M InventoryUnit rows), then for 200
// random (dealer, request) pairs, the full suggestion path (fittingUnitsForLead: the indexed candidate SQL
// plus the ranking in JS) against the bare indexed lookup of the same dealer's units of that body type,
// with the same limit, interleaved in one run. Prints p50/p95 of each and their ratio, and the plan of
// the candidate query. The data set is made once and kept (keyturn_bench_stock, marked when complete);
// `--fresh` makes it again.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { keptDatabase } from "./kept-database.mjs";

const DEALERS = 60_000;
const UNITS_PER_DEALER = 40;
const PAIRS = 200;
const NAME = "keyturn_bench_stock";
const root = path.resolve(import.meta.dirname, "..");

// Units: 85% available, the rest pending or sold (outside the partial index). Body types weighted toward
// SUVs, sedans and trucks, as lots are. Prices $9k–$79k; used cars older and higher-mileage. The values are
// hashes of (dealer, unit), not random(): reproducible, and evaluated per row (an uncorrelated random()
// subquery is computed once for the whole insert).
const GENERATE = `
INSERT INTO "Dealer" ("id","name","street","city","state","zip","lat","lng","serviceRadiusMiles","makes","bodyTypes","sellsNew","sellsUsed","minPriceCents","maxPriceCents","dailyLeadCap","verified","docFeeCents","updatedAt")
SELECT 'bd' || g, 'Bench dealer ' || g, '1 Bench Rd', 'Bench', (ARRAY['AZ','CA','TX','NY','FL','OH','GA','WA'])[1 + g % 8], '85004', 33.4, -112.0, 50,
       ARRAY['Toyota','Honda','Ford'], ARRAY['SEDAN','SUV','TRUCK']::"BodyType"[], true, true, 500000, 10000000, 1000, true, 49900, now()
FROM generate_series(0, ${DEALERS - 1}) g;

INSERT INTO "InventoryUnit" ("id","dealerId","vin","condition","year","make","model","bodyType","mileage","priceCents","features","status","inStockSince","updatedAt")
SELECT 'bu' || d || '_' || u, 'bd' || d,
       upper(substr(md5(d || ':' || u), 1, 17)),
       c.cond::"VehicleCondition",
       CASE WHEN c.cond = 'NEW' THEN 2026 ELSE 2016 + (r.r3 * 9)::int END,
       (ARRAY['Toyota','Honda','Ford','Chevrolet','Nissan','Hyundai','Kia','Subaru'])[1 + (r.r4 * 8)::int % 8],
       (ARRAY['Model A','Model B','Model C','Model D'])[1 + (r.r5 * 4)::int % 4],
       (ARRAY['SUV','SUV','SUV','SEDAN','SEDAN','TRUCK','TRUCK','HATCHBACK','MINIVAN','COUPE','WAGON','VAN'])[1 + (r.r1 * 12)::int % 12]::"BodyType",
       CASE WHEN c.cond = 'NEW' THEN (r.r2 * 30)::int ELSE 8000 + (r.r2 * 110000)::int END,
       (900000 + (r.r6 * 7000000)::int) / 10000 * 10000 - 500,
       ARRAY_REMOVE(ARRAY[CASE WHEN r.r2 < 0.4 THEN 'AWD' END, CASE WHEN r.r3 < 0.5 THEN 'Heated seats' END, CASE WHEN r.r4 < 0.5 THEN 'Apple CarPlay' END], NULL),
       (CASE WHEN r.r7 < 0.85 THEN 'AVAILABLE' WHEN r.r7 < 0.92 THEN 'PENDING' ELSE 'SOLD' END)::"InventoryStatus",
       (current_date - (r.r5 * 120)::int), now()
FROM generate_series(0, ${DEALERS - 1}) d
CROSS JOIN generate_series(0, ${UNITS_PER_DEALER - 1}) u
CROSS JOIN LATERAL (SELECT (hashtext(d || ':' || u || ':1') & 2147483647)::float8 / 2147483648 AS r1, (hashtext(d || ':' || u || ':2') & 2147483647)::float8 / 2147483648 AS r2, (hashtext(d || ':' || u || ':3') & 2147483647)::float8 / 2147483648 AS r3, (hashtext(d || ':' || u || ':4') & 2147483647)::float8 / 2147483648 AS r4, (hashtext(d || ':' || u || ':5') & 2147483647)::float8 / 2147483648 AS r5, (hashtext(d || ':' || u || ':6') & 2147483647)::float8 / 2147483648 AS r6, (hashtext(d || ':' || u || ':7') & 2147483647)::float8 / 2147483648 AS r7, (hashtext(d || ':' || u || ':8') & 2147483647)::float8 / 2147483648 AS r8) r
CROSS JOIN LATERAL (SELECT CASE WHEN r.r8 < 0.4 THEN 'NEW' WHEN r.r8 < 0.8 THEN 'USED' ELSE 'CERTIFIED' END AS cond) c;
`;
// The mark of a finished set names this generator and the schema, so a set made by an older shape is made again.
const mark = `keyturn stock-ranking bench ${createHash("sha256").update(GENERATE).update(readFileSync(path.join(root, "prisma", "schema.prisma"))).digest("hex").slice(0, 12)}`;
const url = await keptDatabase(NAME, mark, (c) => c.query(GENERATE).then(() => undefined), { fresh: process.argv.includes("--fresh") });

Object.assign(process.env, {
  DATABASE_URL: url,
  NODE_ENV: "production",
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? `b1:${randomBytes(32).toString("base64")}`,
});
const { Prisma } = await import("~/generated/prisma/client");
const { db } = await import("~/server/db");
const { candidateUnits, fittingUnitsForLead } = await import("~/modules/inventory/suggest-units");
const { quoteDefaultsOf, quoteDefaultsSelect } = await import("~/modules/quotes/quote-defaults");
type RankRequest = import("~/modules/inventory/rank-units").RankRequest;
type Db = import("~/server/db").Db;

let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const BODIES = ["SUV", "SUV", "SEDAN", "SEDAN", "TRUCK", "HATCHBACK", "MINIVAN", "COUPE"] as const;

// The buyer is one with an empty garage: the garage check (one probe of its unique index) still runs.
function randomRequest(): RankRequest & { customerId: string } {
  const budget = rand() < 0.7;
  return {
    bodyType: pick(BODIES), condition: pick(["ANY", "NEW", "USED"] as const),
    makes: rand() < 0.25 ? [pick(["Toyota", "Honda", "Ford", "Kia"]), pick(["Nissan", "Hyundai", "Subaru", "Chevrolet"])] : [],
    model: null, yearMin: rand() < 0.3 ? 2019 : null, yearMax: null, maxMileage: rand() < 0.3 ? 60_000 : null,
    features: rand() < 0.2 ? ["AWD"] : [],
    maxPriceCents: budget ? pick([4_000_000, 6_000_000, 8_000_000]) : null, maxMonthlyCents: budget ? null : pick([60_000, 90_000, 120_000]),
    termMonths: 60, downPaymentCents: pick([0, 300_000]), creditTier: pick(["PRIME", "NEAR_PRIME", null] as const),
    customerId: "bench-buyer-with-an-empty-garage",
  };
}

// The bare lookup: the same index range (dealer, available, body type), the same columns and limit, no ranking.
const bare = (q: Db, dealerId: string, r: RankRequest) => q.$queryRaw<unknown[]>`
  SELECT "id", "vin", "stockNumber", "condition"::text AS "condition", "year", "make", "model", "trim", "bodyType"::text AS "bodyType",
         "mileage", "priceCents", "exteriorColor", "features", "inStockSince"
  FROM "InventoryUnit"
  WHERE "dealerId" = ${dealerId} AND "status" = 'AVAILABLE' AND "bodyType" = ${r.bodyType}::"BodyType"
  ORDER BY "priceCents", "id" LIMIT 200`;

function pctl(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

try {
  const units = (await db.$queryRaw<{ units: bigint }[]>`SELECT count(*) AS units FROM "InventoryUnit"`)[0]!.units;
  console.log(`${DEALERS.toLocaleString()} dealers, ${Number(units).toLocaleString()} InventoryUnit rows; load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const pairs = Array.from({ length: PAIRS }, () => ({ dealerId: `bd${Math.floor(rand() * DEALERS)}`, request: randomRequest() }));
  const defaultsRow = await db.dealer.findUniqueOrThrow({ where: { id: pairs[0]!.dealerId }, select: quoteDefaultsSelect });

  // The plan, once: the very statement candidateUnits sends, prefixed with EXPLAIN (a stand-in client
  // takes its tagged template and runs it through Prisma's parameterised $queryRaw).
  let plan = "";
  const explaining = {
    $queryRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => {
      const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${Prisma.sql(strings, ...values)}`;
      plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      return [];
    },
  } as unknown as Db;
  await candidateUnits(explaining, pairs[0]!.dealerId, pairs[0]!.request);

  // Warm both paths (connections, prepared statements, caches) on other dealers than the measured ones.
  for (let i = 0; i < 20; i++) {
    const r = randomRequest();
    await fittingUnitsForLead(db, `bd${Math.floor(rand() * DEALERS)}`, r, quoteDefaultsOf(defaultsRow), { limit: 3 });
    await bare(db, `bd${Math.floor(rand() * DEALERS)}`, r);
  }

  const full: number[] = [];
  const lookup: number[] = [];
  let found = 0;
  let candidates = 0;
  for (const [i, { dealerId, request }] of pairs.entries()) {
    // Alternate which runs first, so neither always gets the other's warmed pages.
    const order = i % 2 === 0 ? (["full", "bare"] as const) : (["bare", "full"] as const);
    for (const which of order) {
      const t0 = performance.now();
      if (which === "full") {
        const ranked = await fittingUnitsForLead(db, dealerId, request, quoteDefaultsOf(defaultsRow), { limit: 3 });
        full.push(performance.now() - t0);
        found += ranked.length;
      } else {
        const rows = await bare(db, dealerId, request);
        lookup.push(performance.now() - t0);
        candidates += rows.length;
      }
    }
  }

  console.log(`\n${PAIRS} (dealer, request) pairs; ${(candidates / PAIRS).toFixed(1)} available units of the body type per dealer on average, ${(found / PAIRS).toFixed(2)} suggestions per pair`);
  console.log(`${"path".padEnd(44)} ${"p50".padStart(10)} ${"p95".padStart(10)}`);
  console.log(`${"fittingUnitsForLead (SQL + ranking)".padEnd(44)} ${fmt(pctl(full, 50)).padStart(10)} ${fmt(pctl(full, 95)).padStart(10)}`);
  console.log(`${"bare indexed lookup (same dealer, body type)".padEnd(44)} ${fmt(pctl(lookup, 50)).padStart(10)} ${fmt(pctl(lookup, 95)).padStart(10)}`);
  console.log(`${"ratio full / bare".padEnd(44)} ${`${(pctl(full, 50) / pctl(lookup, 50)).toFixed(2)}×`.padStart(10)} ${`${(pctl(full, 95) / pctl(lookup, 95)).toFixed(2)}×`.padStart(10)}`);
  console.log(`\nEXPLAIN ANALYZE of the candidate query (dealer ${pairs[0]!.dealerId}, ${pairs[0]!.request.bodyType}):\n${plan}`);
  console.log(`\nuses InventoryUnit_ranking_idx: ${plan.includes("InventoryUnit_ranking_idx") ? "yes" : "NO"}`);
} finally {
  await db.$disconnect();
}
