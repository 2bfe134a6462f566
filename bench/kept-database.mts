// A bench data set made once and kept between runs: a database marked complete (its comment names the
// generator and schema it was made from), dropped and made again when the mark differs or on `--fresh`.
// Generating millions of rows takes minutes on a shared 2-core machine; measuring takes seconds.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { databaseUrl, TEST_SERVER_URL } from "../test/database";

const root = path.resolve(import.meta.dirname, "..");

export async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client({ connectionString: TEST_SERVER_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * The URL of database `name`, migrated and filled by `fill` unless a complete set with this `mark` is
 * already there. `fill` runs on a connection of the new database with synchronous commit off and the
 * server process reniced where allowed; VACUUM ANALYZE follows, then the mark.
 */
export async function keptDatabase(name: string, mark: string, fill: (c: pg.Client) => Promise<void>, opts: { fresh?: boolean } = {}): Promise<string> {
  const url = databaseUrl(name);
  const complete = `${mark} (complete)`;
  const state = await withAdmin(async (c) => {
    const r = await c.query<{ comment: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [name]);
    return r.rows.length === 0 ? "missing" : r.rows[0]!.comment === complete && !opts.fresh ? "ready" : "stale";
  });
  if (state === "ready") {
    console.log(`reusing ${name} (drop it, or pass --fresh, to make it again)`);
    return url;
  }
  const t0 = performance.now();
  await withAdmin(async (c) => {
    if (state === "stale") await c.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // Generation shares the cores with other work: lower this server process's priority where permitted.
    const pid = (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    try {
      execFileSync("renice", ["-n", "15", "-p", String(pid)], { stdio: "ignore" });
    } catch {
      // Not permitted here: generate at normal priority.
    }
    await c.query("SET synchronous_commit = off");
    await fill(c);
    await c.query("VACUUM ANALYZE");
    await c.query(`COMMENT ON DATABASE "${name}" IS '${complete.replaceAll("'", "''")}'`);
  } finally {
    await c.end();
  }
  console.log(`generated ${name} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return url;
}
