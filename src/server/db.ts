import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/env.js";

// Columns are `timestamp without time zone` holding UTC (Prisma's convention). pg would read them as
// local time; read them as UTC, as Prisma does. (Prisma sets its own parsers per query.)
const TIMESTAMP = 1114;
const parseUtc = (v: string) => new Date(`${v.replace(" ", "T")}Z`);
const types = { getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === TIMESTAMP ? parseUtc : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser };

// And write Dates as UTC text: a zone offset sent to a column without a zone would be dropped, not applied.
pg.defaults.parseInputDatesAsUTC = true;

const CONNECT_TIMEOUT_MS = 30_000;
/** How long the holder of a broken connection has to give it back before the pool takes it back itself. */
export const BROKEN_CHECKOUT_GRACE_MS = 3_000;

/**
 * A checked-out connection that breaks emits 'error' on itself, and Prisma's adapter does not listen
 * there: every connection gets a listener of its own for its whole life (the query in flight fails).
 * Worse, when the connection dies under a Prisma transaction's COMMIT, nothing ever releases it: after a
 * few such cuts every slot of the pool was held by a dead connection and every query waited for ever
 * (src/server/jobs/faults.int.test.ts). So a broken connection still checked out after a grace period is
 * released, as broken, by the pool's side; the pool then opens a fresh one in its place.
 */
function reapBrokenCheckouts(pool: pg.Pool) {
  const checkedOut = new Set<pg.PoolClient>();
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_err, client) => checkedOut.delete(client));
  pool.on("remove", (client) => checkedOut.delete(client as pg.PoolClient));
  pool.on("connect", (client) =>
    client.on("error", (err) => {
      console.error("[db] connection lost:", err.message);
      setTimeout(() => {
        if (!checkedOut.has(client)) return;
        checkedOut.delete(client);
        try {
          client.release(err); // with an error: destroyed, not returned to the idle list
        } catch {
          /* released meanwhile */
        }
      }, BROKEN_CHECKOUT_GRACE_MS).unref();
    }),
  );
}

function createClients() {
  // One pool per process, shared by Prisma and by the few hot paths that speak to pg directly (`sql`).
  // A bounded wait for a connection: a starved pool then fails queries (which callers retry) instead of
  // queueing them silently for ever.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the server closed (a restart, pg_terminate_backend) emits 'error' on the pool;
  // unheard, that is an uncaught exception that ends the process. The pool drops the connection itself.
  pool.on("error", (err) => console.error("[db] idle connection lost:", err.message));
  reapBrokenCheckouts(pool);
  // disposeExternalPool: $disconnect ends the pool, so scripts that call it exit.
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) };
}

// One set per process; Next's dev server reloads modules, so keep it on globalThis.
const g = globalThis as unknown as { ktDb?: ReturnType<typeof createClients> };
const clients = g.ktDb ?? createClients();
if (env.NODE_ENV !== "production") g.ktDb = clients;

export const db = clients.prisma;
/** The pool's counts, for health checks and tests. */
export const poolStats = () => ({ total: clients.pool.totalCount, idle: clients.pool.idleCount, waiting: clients.pool.waitingCount });
/** A raw connection of the shared pool (tests of the pool's own behaviour). */
export const connectRaw = () => clients.pool.connect();

/** A statement for `sql`: constant text, values as parameters, and a name to prepare it under. */
export type Statement = { name: string; text: string; values?: unknown[] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as pg's own default
export type SqlClient = { query<R extends pg.QueryResultRow = any>(statement: Statement): Promise<pg.QueryResult<R>> };

// A named statement is parsed and planned once per connection instead of on every call, which on the
// lender API's decision path roughly doubles what PostgreSQL sustains (bench/lender-decisions.mts).
// The embedded demo database shares one session across connections, where the same name prepared by a
// second connection collides, so it turns them off (DATABASE_PREPARED_STATEMENTS=false).
const prepared = (s: Statement): pg.QueryConfig => (env.DATABASE_PREPARED_STATEMENTS ? s : { text: s.text, values: s.values });

/**
 * The pool under Prisma, for the hottest reads and writes (matching and fan-out, the lender API's
 * decision path), where the ORM's per-statement overhead was a large share of the time. Statements are
 * constant text with values as parameters (SECURITY.md's rule against string-built SQL holds here as
 * everywhere; src/server/raw-sql.test.ts checks it).
 */
export const sql: SqlClient = { query: (s) => clients.pool.query(prepared(s)) };

/** Runs `fn` in one transaction on a connection of `sql`, committing if it returns and rolling back if it throws. */
export async function sqlTransaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
  const client = await clients.pool.connect();
  // A connection cut mid-transaction fails the statement in flight and emits 'error' here; the
  // transaction then rolls back with it, and the broken connection is destroyed rather than reused.
  let lost: Error | undefined;
  const onError = (err: Error) => (lost = err);
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    const out = await fn({ query: (s) => client.query(prepared(s)) });
    await client.query("COMMIT");
    return out;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.off("error", onError);
    client.release(lost ?? false);
  }
}

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
