// End-to-end run: a fresh database, migrated and seeded with the demo market, then Playwright against
// `next start` (two instances, for the cross-instance live-update test). Extra args go to Playwright.
import { spawnSync } from "node:child_process";
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
try {
  const seed = spawnSync("npx", ["tsx", "prisma/seed.mts"], { env, stdio: "inherit" });
  if (seed.status !== 0) throw new Error("seeding the e2e database failed");
  status = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { env, stdio: "inherit" }).status ?? 1;
} finally {
  if (!process.env.KEEP_TEST_DB) await dropDatabase(db.name);
}
process.exit(status);
