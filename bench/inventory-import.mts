// Inventory import at a large rooftop's size: a 10,000-row CSV through the real commit path (parse, plan,
// set-based writes, quote flags, one transaction), then the same file again (nothing changes), then a
// feed with 1,000 new prices and 500 units gone (full feed). Peak RSS is sampled during each run. The
// floor is the same 10,000 rows written by one bare statement into a scratch table: a single INSERT …
// SELECT FROM unnest(arrays), not COPY (pg-copy-streams is not installed, and COPY FROM STDIN needs it).
// Creates and drops its own database.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import pg from "pg";
import { createMigratedDatabase, dropDatabase } from "../test/database";

const ROWS = 10_000;

const database = await createMigratedDatabase("keyturn_bench_inventory");
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.ENCRYPTION_KEYS ??= `b1:${randomBytes(32).toString("base64")}`;
Object.assign(process.env, { NODE_ENV: "production" });

const { db } = await import("~/server/db");
const { commitImport } = await import("~/modules/inventory/commit-import");
const { parseInventoryFile } = await import("~/modules/inventory/parse-file");
const { withCheckDigit, wmiFor } = await import("~/modules/vehicles/vin");

// Deterministic, so runs compare.
let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const MODELS: [string, string, string][] = [
  ["Toyota", "Camry", "Sedan"], ["Toyota", "RAV4", "Sport Utility"], ["Toyota", "Tacoma", "Crew Cab Pickup"], ["Honda", "Accord", "Sedan"],
  ["Honda", "CR-V", "SUV"], ["Honda", "Odyssey", "Minivan"], ["Ford", "F-150", "SuperCrew Cab Pickup"], ["Ford", "Mustang", "Coupe"],
  ["Chevrolet", "Silverado 1500", "Crew Cab Pickup"], ["Chevrolet", "Equinox", "SUV"], ["Nissan", "Rogue", "Sport Utility"], ["Hyundai", "Tucson", "SUV"],
  ["Kia", "Telluride", "SUV"], ["Subaru", "Outback", "Wagon"], ["Mazda", "MX-5 Miata", "Convertible"], ["Jeep", "Wrangler", "SUV"],
];
const TRIMS = ["Base", "SE", "LE", "XLE", "Sport", "Limited", "Touring"];
const COLORS = ["White", "Black", "Silver", "Gray", "Blue", "Red"];
const FEATURES = ["AWD", "Heated seats", "Apple CarPlay", "Sunroof", "Leather seats", "Blind-spot monitoring", "Tow package"];
const YEAR_CODES: Record<number, string> = { 2018: "J", 2019: "K", 2020: "L", 2021: "M", 2022: "N", 2023: "P", 2024: "R", 2025: "S", 2026: "T" };
const VDS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

type Unit = { stock: string; vin: string; year: number; make: string; model: string; trim: string; body: string; miles: number; price: number; msrp: string; cond: string; color: string; since: string; features: string };
const units: Unit[] = Array.from({ length: ROWS }, (_, i) => {
  const [make, model, body] = pick(MODELS);
  const year = 2018 + Math.floor(rand() * 9);
  const cond = year >= 2026 ? "New" : pick(["Used", "Used", "Certified"]);
  // Position 7 a letter (the 2010+ cycle), 9 the check digit, 10 the year, 12–17 a unique serial.
  const vin = withCheckDigit(`${wmiFor(make)}${Array.from({ length: 3 }, () => pick([...VDS])).join("")}A${pick([...VDS])}0${YEAR_CODES[year]}${pick([..."ABCDEFGH"])}${String(i).padStart(6, "0")}`);
  const price = (12_000 + Math.floor(rand() * 50_000)) * 100 - 500;
  return {
    stock: `K${String(i).padStart(5, "0")}`, vin, year, make, model, trim: pick(TRIMS), body, miles: cond === "New" ? Math.floor(rand() * 30) : (2026 - year) * 11_000 + Math.floor(rand() * 5000),
    price, msrp: cond === "New" ? String(price / 100 + 2000) : "", cond, color: pick(COLORS), since: `2026-${String(1 + Math.floor(rand() * 11)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`,
    features: [...new Set([pick(FEATURES), pick(FEATURES), pick(FEATURES)])].join(";"),
  };
});
const dollars = (cents: number) => `"$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}"`;
const toCsv = (us: Unit[]) =>
  new TextEncoder().encode(
    ["Stock,VIN,Year,Make,Model,Trim,Body Style,Mileage,Internet_Price,MSRP,Type,Exterior_Color,Date_In_Stock,Features",
      ...us.map((u) => [u.stock, u.vin, u.year, u.make, u.model, u.trim, `"${u.body}"`, u.miles, dollars(u.price), u.msrp, u.cond, u.color, u.since, `"${u.features}"`].join(","))].join("\n") + "\n",
  );

const file = toCsv(units);
// Every tenth price lowered by $500 (950 units) and the last 500 units gone: the update and mark-sold paths.
const changed = toCsv(units.slice(0, -500).map((u, i) => (i % 10 === 0 ? { ...u, price: u.price - 50_000 } : u)));

/** Runs fn while sampling RSS every 5 ms; the peak and its rise over the RSS just before. */
async function measured<T>(fn: () => Promise<T>) {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, peak, delta: peak - base };
  } finally {
    clearInterval(timer);
  }
}
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const line = (name: string, m: { ms: number; peak: number; delta: number }, rows: number) =>
  console.log(`${name.padEnd(44)} ${(m.ms / 1000).toFixed(2).padStart(6)} s  ${Math.round(rows / (m.ms / 1000)).toLocaleString("en-US").padStart(7)} rows/s  peak RSS ${mb(m.peak)} (+${mb(m.delta)})`);

const pool = new pg.Pool({ connectionString: database.url, max: 2 });
try {
  const dealer = await db.dealer.create({
    data: { name: "Bench Motors", street: "1 Bench Rd", phone: "602-555-0100", city: "Phoenix", state: "AZ", zip: "85004", lat: 33.45, lng: -112.07, serviceRadiusMiles: 50, makes: ["Toyota"], bodyTypes: ["SUV"], sellsNew: true, sellsUsed: true, minPriceCents: 500_000, maxPriceCents: 10_000_000, dailyLeadCap: 100, verified: true },
    select: { id: true },
  });
  const user = await db.user.create({ data: { email: "bench@bench.keyturn", name: "Bench Owner", passwordHash: "x", role: "DEALER", membership: { create: { dealerId: dealer.id, role: "OWNER" } } }, select: { id: true } });
  const actor = { userId: user.id, email: "bench@bench.keyturn", name: "Bench Owner", role: "DEALER" as const, dealerId: dealer.id, lenderId: null, orgRole: "OWNER" as const };
  const parsed = parseInventoryFile(file);
  if (parsed.bad.length) throw new Error(`generated rows refused: ${JSON.stringify(parsed.bad.slice(0, 3))}`);
  console.log(`${ROWS.toLocaleString("en-US")} rows, ${(file.byteLength / 1024 / 1024).toFixed(2)} MB of CSV; load average ${loadavg()[0]!.toFixed(2)}`);

  const first = await measured(() => commitImport({ actor, file, fullFeed: false }));
  line("first import (10,000 added)", first, ROWS);
  const again = await measured(() => commitImport({ actor, file, fullFeed: false }));
  line("same file again (nothing changes)", again, ROWS);
  const feed = await measured(() => commitImport({ actor, file: changed, fullFeed: true }));
  line("full feed: 950 repriced, 500 sold", feed, ROWS - 500);
  const check = { first: first.result.added, again: again.result.unchanged, updated: feed.result.updated, sold: feed.result.markedSold };
  if (check.first !== ROWS || check.again !== ROWS || check.updated !== 950 || check.sold !== 500) throw new Error(`unexpected counts ${JSON.stringify(check)}`);

  // The floor: the parsed rows in one statement into a table of the same columns, no plan, no checks.
  await pool.query(`CREATE TABLE bench_units (LIKE "InventoryUnit" INCLUDING DEFAULTS)`);
  const rows = parsed.rows;
  const col = <T,>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  const bare = await measured(() =>
    pool.query(
      `INSERT INTO bench_units ("id","dealerId","vin","stockNumber","condition","year","make","model","trim","bodyType","mileage","priceCents","msrpCents","exteriorColor","inStockSince","features","updatedAt")
       SELECT gen_random_uuid()::text, $1, v.vin, v.stock, v.cond::"VehicleCondition", v.year, v.make, v.model, v.trim, v.body::"BodyType", v.miles, v.price, v.msrp, v.color, v.since::date,
              ARRAY(SELECT jsonb_array_elements_text(v.features::jsonb)), now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::int[], $13::text[], $14::text[], $15::text[])
         AS v(vin, stock, cond, year, make, model, trim, body, miles, price, msrp, color, since, features)`,
      [dealer.id, col((r) => r.vin), col((r) => r.stockNumber), col((r) => r.condition), col((r) => r.year), col((r) => r.make), col((r) => r.model), col((r) => r.trim),
        col((r) => r.bodyType), col((r) => r.mileage), col((r) => r.priceCents), col((r) => r.msrpCents), col((r) => r.exteriorColor),
        col((r) => r.inStockSince?.toISOString().slice(0, 10) ?? null), col((r) => JSON.stringify(r.features))],
    ),
  );
  line("bare INSERT … FROM unnest (not COPY; parsed)", bare, ROWS);
  console.log(`\nfirst import / bare insert: ${(first.ms / bare.ms).toFixed(1)}×   (the import also reads, decides, parses the CSV and checks every row)`);
  console.log(`second import / first import: ${(again.ms / first.ms).toFixed(2)}×`);
} finally {
  await pool.end();
  await db.$disconnect();
  await dropDatabase(database.name);
}
