// `npm run demo`: the product with its demo market, on a fresh machine, with nothing set up by hand.
// With DATABASE_URL set it uses that server; without, an embedded PostgreSQL (PGlite) kept in .data/.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(process.env.KEYTURN_DATA_DIR ?? path.join(root, ".data"));
const port = Number(process.env.PORT ?? 3000);
mkdirSync(dataDir, { recursive: true });

// Secrets are made once per data folder so sessions and encrypted fields survive restarts.
const secretsFile = path.join(dataDir, "secrets.json");
if (!existsSync(secretsFile)) {
  writeFileSync(
    secretsFile,
    JSON.stringify({
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
    }),
    { mode: 0o600 },
  );
}
const secrets = JSON.parse(readFileSync(secretsFile, "utf8")) as Record<string, string>;

let stopEmbedded: (() => Promise<void>) | null = null;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { cube } = await import("@electric-sql/pglite/contrib/cube");
  const { earthdistance } = await import("@electric-sql/pglite/contrib/earthdistance");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const pgPort = Number(process.env.PGLITE_PORT ?? 54329);
  const db = await PGlite.create(path.join(dataDir, "pglite"), { extensions: { cube, earthdistance } });
  // Ten connections: the default of one drops pooled queries. They share PGlite's one session, so a
  // queue gives it to one connection at a time, for a whole statement group or transaction.
  const { useSessionQueue } = await import("./pglite-session-queue");
  const server = new PGLiteSocketServer({ db, port: pgPort, host: "127.0.0.1", maxConnections: 10 });
  useSessionQueue(server, db);
  await server.start();
  databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${pgPort}/postgres?sslmode=disable`;
  stopEmbedded = async () => {
    await server.stop();
    await db.close();
  };
  console.log(`Embedded PostgreSQL (PGlite) on 127.0.0.1:${pgPort}, data in ${path.join(dataDir, "pglite")}`);
}

const env: NodeJS.ProcessEnv = {
  // Secrets from the data folder, unless the caller set them explicitly.
  ...secrets,
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  RUN_WORKER_IN_PROCESS: "true",
  // PGlite shares one session between connections, so NOTIFY cannot reach listeners there.
  LIVE_TRANSPORT: process.env.DATABASE_URL ? "notify" : "poll",
  // …and a statement prepared on one connection is seen, and collides, on the next (src/server/db.ts).
  DATABASE_PREPARED_STATEMENTS: process.env.DATABASE_URL ? "true" : "false",
  // …and it serves its connections one protocol message at a time, so two connections' statements can
  // interleave. One connection per process keeps each statement whole; the demo's load needs no more.
  ...(process.env.DATABASE_URL ? {} : { DATABASE_POOL_SIZE: "1" }),
  NODE_ENV: "production",
  // Demo lenders' webhook receivers run on this machine.
  WEBHOOK_ALLOW_LOCALHOST: process.env.WEBHOOK_ALLOW_LOCALHOST ?? "true",
};

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
// Never spawnSync here: the embedded database is served from this process's event loop.
async function run(cmd: string, args: string[], label: string) {
  console.log(`→ ${label}`);
  const code = await new Promise<number | null>((resolve) => {
    spawn(cmd, args, { cwd: root, env, stdio: "inherit" }).on("exit", resolve);
  });
  if (code !== 0) {
    console.error(`✗ ${label} failed`);
    await stopEmbedded?.();
    process.exit(1);
  }
}

await run(bin("prisma"), ["generate"], "Generating the database client");
await run(bin("prisma"), ["migrate", "deploy"], "Applying migrations");
await run(bin("tsx"), ["prisma/seed.mts"], "Seeding the demo market (once)");
if (!existsSync(path.join(root, ".next", "BUILD_ID")) || process.env.DEMO_REBUILD === "1") await run(bin("next"), ["build"], "Building the app");

const app = spawn(bin("next"), ["start", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
app.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (chunk.toString().includes("Ready")) printLogins();
});

// The inbound mail relay (dealers' emailed replies to lead-<token>@RELAY_DOMAIN), as its own process like
// in production: `npm run relay`, on RELAY_SMTP_PORT (default 2525) on loopback. A relay that fails does
// not take the demo down; the web app works without it.
const relay = spawn(bin("tsx"), ["scripts/relay.mts"], { cwd: root, env, stdio: "inherit" });
relay.on("exit", (code) => {
  if (code) console.error(`✗ the mail relay stopped (exit ${code}); emailed replies will not arrive`);
});

function printLogins() {
  console.log(`
  Keyturn is running at http://localhost:${port}

  Demo logins (password for all: keyturn-demo-1)
    buyer, super-prime   ava@demo.keyturn
    buyer, near-prime    ben@demo.keyturn
    buyer, subprime      cara@demo.keyturn
    dealer (Phoenix)     dealer1@demo.keyturn
    dealer (Dallas)      dealer21@demo.keyturn
    dealer (Atlanta)     dealer41@demo.keyturn
    lender               lender1@demo.keyturn   (…lender5)
    admin                admin@demo.keyturn

  Dealers' emailed replies: SMTP on 127.0.0.1:${process.env.RELAY_SMTP_PORT ?? 2525} (npm run relay)
`);
}

async function shutdown(code: number) {
  app.kill("SIGTERM");
  relay.kill("SIGTERM");
  await stopEmbedded?.();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
app.on("exit", (code) => void shutdown(code ?? 0));
