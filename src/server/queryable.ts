import type { Prisma } from "~/generated/prisma/client";
import type { Db, SqlClient, Tx } from "~/server/db";

/**
 * Either database client: Prisma (the client or one of its transactions) or the `sql` pool (or one of
 * its transactions). Helpers that write inside the caller's transaction (enqueue, publishMany,
 * enforceRateLimit) take one of these, so each exists once whichever client the caller holds.
 */
export type Queryable = Db | Tx | SqlClient;

/**
 * Runs one statement written as a Prisma tagged template (values always parameters) on either client.
 * `name` prepares it once per pg connection; it must be unique to the statement's text.
 */
export async function queryRows<R>(q: Queryable, name: string, statement: Prisma.Sql): Promise<R[]> {
  if ("$queryRaw" in q) return q.$queryRaw<R[]>(statement);
  return (await q.query<R & object>({ name, text: statement.text, values: statement.values })).rows;
}

/** As queryRows, for statements whose result is not read (Prisma cannot deserialise a `void` column). */
export async function execute(q: Queryable, name: string, statement: Prisma.Sql): Promise<void> {
  if ("$executeRaw" in q) await q.$executeRaw(statement);
  else await q.query({ name, text: statement.text, values: statement.values });
}
