// Creates the growth bench's data sets once and keeps them (bench/kept-database.mts): keyturn_scale_<size>,
// each migrated with the committed migration and filled by generate.sql; one left half-made by an
// interrupted run is dropped and made again. Growth indexes (prisma/sql/50_growth.sql, idempotent) are applied on every run,
// so a set generated before a change gets it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import zipcodes from "zipcodes";
import { keptDatabase } from "../kept-database.mjs";

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
// keptDatabase appends " (complete)", so sets marked by the older copy of this routine are still reused.
const mark = (s: Size) => `keyturn scale data set ${shape}: ${s.requests} requests`;

/** Lowers the priority of this connection's server process: other helpers share the two cores. */
async function nice(c: pg.Client) {
  const pid = (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  try {
    execFileSync("renice", ["-n", "15", "-p", String(pid)], { stdio: "ignore" });
  } catch {
    // Not permitted here: generate at normal priority.
  }
}

export async function ensureDataSet(size: Size): Promise<string> {
  const url = await keptDatabase(`keyturn_scale_${size.name}`, mark(size), async (c) => {
    const places = Object.values((zipcodes as unknown as { codes: Record<string, { zip: string; latitude: number; longitude: number; city: string; state: string }> }).codes).filter(
      (z) => typeof z.latitude === "number" && z.latitude > 18 && z.latitude < 50 && z.longitude > -125 && z.longitude < -66,
    );
    await c.query(`CREATE TEMP TABLE gen_place AS SELECT row_number() OVER ()::int AS n, * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[]) AS x(zip, city, state, lat, lng)`, [
      places.map((p) => p.zip), places.map((p) => p.city), places.map((p) => p.state), places.map((p) => p.latitude), places.map((p) => p.longitude),
    ]);
    // :R is the only substitution, a number this file controls.
    await c.query(readFileSync(path.join(import.meta.dirname, "generate.sql"), "utf8").replaceAll(":R", String(Math.trunc(size.requests))));
  });
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
