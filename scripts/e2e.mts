// End-to-end run: a fresh database, migrated and seeded with the demo market, then Playwright against
// `next start` (two instances, for the cross-instance live-update test). Extra args go to Playwright.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createMigratedDatabase, dropDatabase } from "../test/database";

const db = await createMigratedDatabase("keyturn_e2e");
const env = {
  ...process.env,
  DATABASE_URL: db.url,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? `e1:${randomBytes(32).toString("base64")}`,
  WEBHOOK_ALLOW_LOCALHOST: "true",
  RUN_WORKER_IN_PROCESS: "true",
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
};
let status = 1;
let relay: ReturnType<typeof spawn> | null = null;
try {
  const seed = spawnSync("npx", ["tsx", "prisma/seed.mts"], { env, stdio: "inherit" });
  if (seed.status !== 0) throw new Error("seeding the e2e database failed");
  // The mail relay, for e2e/relay.spec.ts: two ports above the first app instance (E2E_PORT + 2).
  // spawnSync below blocks this loop, so the relay must be a process of its own.
  relay = spawn("node_modules/.bin/tsx", ["scripts/relay.mts"], { env: { ...env, RELAY_SMTP_PORT: String(Number(process.env.E2E_PORT ?? 3100) + 2) }, stdio: "inherit" });
  status = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { env, stdio: "inherit" }).status ?? 1;
} finally {
  relay?.kill("SIGTERM");
  if (!process.env.KEEP_TEST_DB) await dropDatabase(db.name);
}
process.exit(status);
