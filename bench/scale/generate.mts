// Creates the growth bench's data sets once and keeps them: keyturn_scale_<size>, each migrated with the
// committed migration and filled by generate.sql. A database whose comment says it is complete is reused
// as is (generation takes minutes at the largest size); one left half-made by an interrupted run is
// dropped and made again. Growth indexes (prisma/sql/50_growth.sql, idempotent) are applied on every run,
// so a set generated before a change gets it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import zipcodes from "zipcodes";
import { databaseUrl, TEST_SERVER_URL } from "../../test/database";

export type Size = { name: string; requests: number };
const root = path.resolve(import.meta.dirname, "../..");
// The mark of a finished set names the generator and the tables it was made for (a hash of generate.sql
// and schema.prisma), so a set kept from an older shape is made again, with nobody to remember to bump it.
// (Not the whole migration: a change of growth index only is applied to a kept set, below.)
const shape = createHash("sha256")
  .update(readFileSync(path.join(import.meta.dirname, "generate.sql")))
  .update(readFileSync(path.join(root, "prisma", "schema.prisma")))
  .digest("hex")
  .slice(0, 12);
const done = (s: Size) => `keyturn scale data set ${shape}: ${s.requests} requests (complete)`;

async function admin<T>(fn: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client({ connectionString: TEST_SERVER_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Lowers the priority of this connection's server process: other helpers share the two cores. */
async function nice(c: pg.Client) {
  const pid = (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  try {
    execFileSync("renice", ["-n", "15", "-p", String(pid)], { stdio: "ignore" });
  } catch {
    // Not permitted here: generate at normal priority.
  }
}

export async function ensureDataSet(size: Size, log = console.log): Promise<string> {
  const name = `keyturn_scale_${size.name}`;
  const url = databaseUrl(name);
  const state = await admin(async (c) => {
    const r = await c.query<{ comment: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [name]);
    return r.rows.length === 0 ? "missing" : r.rows[0]!.comment === done(size) ? "ready" : "partial";
  });
  if (state !== "ready") {
    const t0 = performance.now();
    await admin(async (c) => {
      if (state === "partial") await c.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}"`);
    });
    execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await nice(c);
      const places = Object.values((zipcodes as unknown as { codes: Record<string, { zip: string; latitude: number; longitude: number; city: string; state: string }> }).codes).filter(
        (z) => typeof z.latitude === "number" && z.latitude > 18 && z.latitude < 50 && z.longitude > -125 && z.longitude < -66,
      );
      await c.query(`CREATE TEMP TABLE gen_place AS SELECT row_number() OVER ()::int AS n, * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[]) AS x(zip, city, state, lat, lng)`, [
        places.map((p) => p.zip), places.map((p) => p.city), places.map((p) => p.state), places.map((p) => p.latitude), places.map((p) => p.longitude),
      ]);
      // :R is the only substitution, a number this file controls.
      const script = readFileSync(path.join(import.meta.dirname, "generate.sql"), "utf8").replaceAll(":R", String(Math.trunc(size.requests)));
      await c.query("SET synchronous_commit = off");
      await c.query(script);
      await c.query("VACUUM ANALYZE");
      await c.query(`COMMENT ON DATABASE "${name}" IS '${done(size)}'`);
    } finally {
      await c.end();
    }
    log(`generated ${name} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  await applyGrowthIndexes(url);
  return url;
}

/** The growth migration's statements (CREATE INDEX IF NOT EXISTS …), so a reused set matches the code. */
export async function applyGrowthIndexes(url: string) {
  const file = path.join(root, "prisma", "sql", "50_growth.sql");
  if (!existsSync(file)) return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await nice(c);
    await c.query(readFileSync(file, "utf8"));
    await c.query("ANALYZE");
  } finally {
    await c.end();
  }
}

export async function countRows(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ t: string; n: string }>(
      `SELECT relname AS t, n_live_tup::text AS n FROM pg_stat_user_tables WHERE relname IN ('Request','Lead','Quote','PreApproval','Notification','AccessLog','Message','Job') ORDER BY relname`,
    );
    const size = (await c.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0]!.s;
    return { ...Object.fromEntries(r.rows.map((x) => [x.t, Number(x.n)])), size } as Record<string, number | string>;
  } finally {
    await c.end();
  }
}
