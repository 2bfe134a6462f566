// `npm test`: every tier in order — types, unit, integration (real PostgreSQL), build, end-to-end (Chromium),
// then sqlmap against the lender API.
// Stops at the first failing tier and exits non-zero.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";

// prisma generate needs a DATABASE_URL to be set, even though it does not connect.
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" };
const steps = [
  ["Generate the database client", "npx", ["prisma", "generate"]],
  ["Type-check", "npx", ["tsc", "--noEmit"]],
  ["Unit tests", "npx", ["vitest", "run", "--project", "unit"]],
  ["Integration tests (PostgreSQL)", "npx", ["vitest", "run", "--project", "integration"]],
  // Building needs no secrets; `next start` validates the environment when the app starts.
  ["Build", "npx", ["next", "build"], { SKIP_ENV_VALIDATION: "1" }],
  ["End-to-end tests (Chromium)", "npx", ["tsx", "scripts/e2e.mts"]],
  ["Injection scan (sqlmap, every lender-API parameter)", "npx", ["tsx", "security/sqlmap.mts"]],
];

// Say plainly what is missing before spending minutes on the tiers that need it.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
if (spawnSync("sqlmap", ["--version"], { stdio: "ignore" }).status !== 0) {
  console.error("sqlmap not found. Install it (apt-get install -y sqlmap).");
  process.exit(1);
}
const server = process.env.TEST_DATABASE_SERVER ?? "postgresql://postgres@127.0.0.1:5432/postgres";
try {
  const c = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  await c.connect();
  await c.end();
} catch (e) {
  console.error(`PostgreSQL is not reachable at ${server} (${e.message}). Start it, or set TEST_DATABASE_SERVER.`);
  process.exit(1);
}

const started = Date.now();
for (const [label, cmd, args, extraEnv = {}] of steps) {
  const t = Date.now();
  console.log(`\n━━ ${label}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll tiers passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
