// `npm run security:sqlmap`: sqlmap (Debian's package) against every parameter of the lender REST API:
// query strings, path ids, the JSON decision body and the Authorization and Idempotency-Key headers.
// Runs the API process on its own database, creates and drops it, and exits 1 if sqlmap finds anything
// injectable (or cannot run). The last tier of `npm test`; full logs in test-results/sqlmap/.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createMigratedDatabase, dropDatabase } from "../test/database";
import { startApiProcess } from "../test/api-process";
import { seedLenderWorld } from "../test/lender-world";

const PORT = Number(process.env.SQLMAP_PORT ?? 3395);
if (spawnSync("sqlmap", ["--version"], { stdio: "ignore" }).status !== 0) {
  console.error("sqlmap is not installed: apt-get install -y sqlmap");
  process.exit(1);
}

const database = await createMigratedDatabase("keyturn_sqlmap");
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
let api: Awaited<ReturnType<typeof startApiProcess>> | null = null;
const out = mkdtempSync(path.join(os.tmpdir(), "keyturn-sqlmap-"));
// Each target's full sqlmap output, for reading afterwards.
const logs = path.resolve(import.meta.dirname, "..", "test-results", "sqlmap");
mkdirSync(logs, { recursive: true });
let failed = false;

try {
  // One lender with a live key and a few pending pre-approvals, so every route reaches its SQL.
  const { secret, paId } = await seedLenderWorld(pool, 5);

  api = await startApiProcess({ databaseUrl: database.url, port: PORT, poolSize: 4 });
  const v1 = `${api.baseUrl}/api/v1`;
  const cursor = Buffer.from(paId(1)).toString("base64url");
  const bearer = `Authorization: Bearer ${secret}`;
  const decision = JSON.stringify({ decision: "approved", decisionVersion: 1, quoteVersion: 1, aprBps: 649, termMonths: 60, maxAmountCents: 3000000 });

  // "*" marks an injection point sqlmap would not find by itself (a path segment, a header value).
  const targets: { name: string; args: string[] }[] = [
    { name: "list: status, limit, cursor", args: ["-u", `${v1}/pre-approvals?status=pending&limit=10&cursor=${cursor}`, "-H", bearer] },
    { name: "get: path id", args: ["-u", `${v1}/pre-approvals/${paId(2)}*`, "-H", bearer] },
    { name: "decisions: limit, cursor", args: ["-u", `${v1}/decisions?limit=10&cursor=${cursor}`, "-H", bearer] },
    { name: "decide: JSON body", args: ["-u", `${v1}/pre-approvals/${paId(3)}/decisions`, "--data", decision, "-H", bearer, "-H", "Idempotency-Key: scan-body"] },
    { name: "decide: path id, Idempotency-Key", args: ["-u", `${v1}/pre-approvals/${paId(4)}*/decisions`, "--data", decision, "-H", bearer, "-H", "Idempotency-Key: scan-key*"] },
    // A tampered key is refused with 401 before any SQL sees it; sqlmap must be told 401 is an answer.
    { name: "auth: Authorization header", args: ["-u", `${v1}/pre-approvals?limit=1`, "-H", `${bearer}*`, "--ignore-code", "401"] },
  ];
  type Verdict = { verdict: "INJECTABLE" | "not injectable" | "inconclusive"; tested: number; text: string };
  async function scan(t: (typeof targets)[number], attempt: number): Promise<Verdict> {
    const slug = `${t.name.replace(/\W+/g, "-")}${attempt > 1 ? `-${attempt}` : ""}`;
    const dir = path.join(out, slug); // one session store per run: scans run side by side
    const child = spawn("sqlmap", [...t.args, "--batch", "--level", "3", "--risk", "2", "--output-dir", dir, "--flush-session", "--disable-coloring"], { env: { ...process.env, HOME: dir } });
    let text = "";
    child.stdout.on("data", (d: Buffer) => (text += d.toString()));
    child.stderr.on("data", (d: Buffer) => (text += d.toString()));
    await new Promise((resolve) => child.on("close", resolve));
    writeFileSync(path.join(logs, `${slug}.log`), text);
    const injectable = /identified the following injection point|is vulnerable|appears to be '.*' injectable/i.test(text);
    const tested = [...text.matchAll(/testing for SQL injection on (.+)$/gm)].length;
    const cleared = tested > 0 && (text.match(/does not seem to be injectable/g) ?? []).length >= tested;
    return { verdict: injectable ? "INJECTABLE" : cleared ? "not injectable" : "inconclusive", tested, text };
  }

  // `npm run security:sqlmap -- auth` runs only the targets whose name contains "auth".
  const queue = targets.filter((x) => x.name.includes(process.argv[2] ?? ""));
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      const started = Date.now();
      let v = await scan(t, 1);
      // Time-based checks can be fooled by a stall on a busy machine; a real injection shows again.
      if (v.verdict !== "not injectable") v = await scan(t, 2);
      console.log(`${t.name.padEnd(36)} ${v.verdict.padEnd(15)} ${v.tested} parameters, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      if (v.verdict !== "not injectable") {
        failed = true;
        console.log(v.text.split("\n").filter((l) => /injectable|CRITICAL|ERROR|Parameter:|Type:|Payload:/i.test(l)).join("\n"));
      }
    }
  };
  await Promise.all([worker(), worker()]);
} finally {
  api?.stop();
  await pool.end();
  await new Promise((r) => setTimeout(r, 500));
  await dropDatabase(database.name);
  rmSync(out, { recursive: true, force: true });
}
console.log(failed ? "sqlmap: FAILED (see above)" : "sqlmap: nothing injectable");
process.exit(failed ? 1 : 0);
