// `npm test`: every tier in order — types, unit, integration (real PostgreSQL), build, end-to-end (Chromium).
// Stops at the first failing tier and exits non-zero.
import { spawnSync } from "node:child_process";

// prisma generate needs a DATABASE_URL to be set, even though it does not connect.
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" };
const steps = [
  ["Generate the database client", "npx", ["prisma", "generate"]],
  ["Type-check", "npx", ["tsc", "--noEmit"]],
  ["Unit tests", "npx", ["vitest", "run", "--project", "unit"]],
  ["Integration tests (PostgreSQL)", "npx", ["vitest", "run", "--project", "integration"]],
  ["Build", "npx", ["next", "build"]],
  ["End-to-end tests (Chromium)", "npx", ["tsx", "scripts/e2e.mts"]],
];

const started = Date.now();
for (const [label, cmd, args] of steps) {
  const t = Date.now();
  console.log(`\n━━ ${label}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll tiers passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
