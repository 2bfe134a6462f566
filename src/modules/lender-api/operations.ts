// The lender REST API's use-cases. Every query is scoped by the calling key's lender: another lender's
// row is indistinguishable from a missing one (404). TEST keys see the (empty) sandbox, never live rows.
import { createHash, randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { env } from "~/env.js";
import { LIVE_CHANNEL, publishMany, topics, type LiveEvent } from "~/server/realtime";
import { db, sql } from "~/server/db";
import { AppError, badRequest, isUniqueViolation, notFound } from "~/server/errors";
import { canonical } from "~/server/rest/idempotency";
import { readApplicant } from "~/modules/lending/read-applicant";
import type { ApiCaller } from "~/modules/lender-api/api-keys";
import { decisionUpdate, offerOf, recordDecision, statusOf, withPayment, type Offer } from "~/modules/lending/record-decision";
import type { DecisionInput } from "~/modules/lending/schemas";
import { lenderPreApprovalSelect, toApiPreApproval, type LenderPreApprovalRow } from "~/modules/lender-api/serialize";

const encodeCursor = (id: string) => Buffer.from(id).toString("base64url");
function decodeCursor(c: string) {
  const id = Buffer.from(c, "base64url").toString();
  if (!/^[a-z0-9]{10,40}$/.test(id)) throw badRequest("The cursor is not valid; pass next_cursor from the previous page.");
  return id;
}

type Keyed = { id: string; createdAt: Date; decidedAt: Date | null; expiresAt: Date };

/**
 * The list's status filter, as SQL on "PreApproval" (values are parameters; the route validated the name),
 * and what the rows must also pass. "Pending" is PENDING and not yet past its expiry; the expiry is checked
 * on the rows read, not in SQL: every pending row is in the future until the sweep catches up, but the
 * planner assumes the two conditions independent, guessed a busy lender's page at 15 rows instead of
 * thousands, and read and sorted them all (a third of the time at 1M leads, against a 0.3 ms index walk).
 */
function statusFilter(status: string | undefined, now: Date): { sql: Prisma.Sql; keep: (r: Keyed) => boolean } {
  const all = () => true;
  if (!status) return { sql: Prisma.empty, keep: all };
  if (status === "pending") return { sql: Prisma.sql`AND "status" = 'PENDING'`, keep: (r) => r.expiresAt > now };
  if (status === "expired") return { sql: Prisma.sql`AND ("status" = 'EXPIRED' OR ("status" = 'PENDING' AND "expiresAt" <= ${now}))`, keep: all };
  return { sql: Prisma.sql`AND "status" = ${status.toUpperCase()}::"PreApprovalStatus"`, keep: all };
}

const ORDER = {
  createdAsc: { field: "createdAt", order: Prisma.sql`ORDER BY "createdAt" ASC, "id" ASC`, after: (at: Date, id: string) => Prisma.sql`AND ("createdAt", "id") > (${at}, ${id})`, where: Prisma.empty },
  decidedDesc: { field: "decidedAt", order: Prisma.sql`ORDER BY "decidedAt" DESC, "id" DESC`, after: (at: Date, id: string) => Prisma.sql`AND ("decidedAt", "id") < (${at}, ${id})`, where: Prisma.sql`AND "decidedAt" IS NOT NULL` },
} as const;

/**
 * One page in (field, id) order, keyset-paged: "after the cursor" is one row comparison, which PostgreSQL
 * reads as a range of the (lenderId, status, createdAt, id) or (lenderId, decidedAt, id) index, so page
 * 40 costs what page 1 costs. (Prisma can only say it as an OR, which the planner answered for a busy
 * lender by reading every later row and sorting them: page 2 cost 2-3x page 1 at 100k requests.)
 */
async function page(caller: ApiCaller, q: { limit: number; cursor?: string; status?: string }, sort: (typeof ORDER)[keyof typeof ORDER]) {
  const empty = { object: "list" as const, data: [], has_more: false, next_cursor: null };
  if (caller.mode === "TEST") return empty;
  let after = Prisma.empty;
  if (q.cursor) {
    const id = decodeCursor(q.cursor);
    const at = await db.preApproval.findFirst({ where: { id, lenderId: caller.lenderId }, select: { createdAt: true, decidedAt: true } });
    const key = at?.[sort.field];
    if (!key) return empty; // a cursor naming no row of this lender's list starts nothing
    after = sort.after(key, id);
  }
  const filter = statusFilter(q.status, new Date());
  const want = q.limit + 1;
  const ids: Keyed[] = [];
  // Reads on from the last row seen until a page is full: a second read only when rows were dropped.
  for (;;) {
    const batch = await db.$queryRaw<Keyed[]>`
      SELECT "id", "createdAt", "decidedAt", "expiresAt" FROM "PreApproval"
      WHERE "lenderId" = ${caller.lenderId} ${filter.sql} ${sort.where} ${after}
      ${sort.order} LIMIT ${want}`;
    ids.push(...batch.filter(filter.keep).slice(0, want - ids.length));
    if (ids.length >= want || batch.length < want) break;
    const last = batch[batch.length - 1]!;
    after = sort.after(last[sort.field]!, last.id);
  }
  const rows = await db.preApproval.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: lenderPreApprovalSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  // A row deleted between the two reads is skipped; the order is the first read's.
  const ordered = ids.flatMap((r) => byId.get(r.id) ?? []);
  const more = ids.length > q.limit;
  const data = ordered.slice(0, q.limit);
  return { object: "list" as const, data: data.map(toApiPreApproval), has_more: more, next_cursor: more ? encodeCursor(ids[q.limit - 1]!.id) : null };
}

export async function listPreApprovals(caller: ApiCaller, q: { status?: string; limit: number; cursor?: string }) {
  // Oldest first: a poller works the queue in arrival order.
  return page(caller, q, ORDER.createdAsc);
}

export async function listDecisions(caller: ApiCaller, q: { limit: number; cursor?: string }) {
  return page(caller, { limit: q.limit, cursor: q.cursor }, ORDER.decidedDesc);
}

export async function getPreApproval(caller: ApiCaller, id: string) {
  if (caller.mode === "TEST") throw notFound("No such pre-approval request.");
  return db.$transaction(async (tx) => {
    const row = await tx.preApproval.findFirst({
      where: { id, lenderId: caller.lenderId },
      select: {
        ...lenderPreApprovalSelect,
        quote: { select: { year: true, make: true, model: true, trim: true, condition: true, mileage: true, vin: true, otdCents: true, amountFinancedCents: true } },
        request: { select: { customerId: true, bodyType: true, downPaymentCents: true, termMonths: true } },
      },
    });
    if (!row) throw notFound("No such pre-approval request.");
    const { quote, request, ...pub } = row;
    const a = await readApplicant(tx, {
      lender: { id: caller.lenderId, name: caller.lenderName },
      customerId: request.customerId,
      requestId: pub.requestId,
      channel: "api",
      purpose: `Pre-approval decision on request ${pub.requestId} (API)`,
    });
    const applicant = {
      ...(a.credit ? { credit: a.credit } : {}),
      ...(a.income ? { income: { annual_income_cents: a.income.annualIncomeCents, housing_cost_cents: a.income.housingCostCents } } : {}),
    };
    return {
      ...toApiPreApproval(pub),
      vehicle: { year: quote.year, make: quote.make, model: quote.model, trim: quote.trim, condition: quote.condition.toLowerCase() as "new" | "used" | "certified", body_type: request.bodyType, mileage: quote.mileage, vin: quote.vin },
      quote: { otd_cents: quote.otdCents, amount_financed_cents: quote.amountFinancedCents, down_payment_cents: request.downPaymentCents, requested_term_months: request.termMonths },
      applicant,
    };
  });
}

export type StoredResponse = { status: number; body: unknown; replayed: boolean };

/**
 * Posts a decision under an idempotency key. The record is written in the decision's own transaction,
 * so a response is stored exactly when its effect committed. Same key + same body → the stored response;
 * same key + another body → 422. Two concurrent first calls race on the unique (key, apiKey) index: the
 * loser re-reads and replays.
 */
export async function postDecision(caller: ApiCaller, preApprovalId: string, decision: DecisionInput, idempotencyKey: string): Promise<StoredResponse> {
  const requestHash = createHash("sha256").update(`POST /pre-approvals/${preApprovalId}/decisions\n${canonical(decision)}`).digest("hex");
  const replayOf = (prior: { requestHash: string; status: number; responseBody: unknown }): StoredResponse => {
    if (prior.requestHash !== requestHash) throw new AppError("UNPROCESSABLE", "This Idempotency-Key was already used with a different request. Use a new key for a new decision.");
    return { status: prior.status, body: prior.responseBody, replayed: true };
  };
  const replay = async () => {
    const rows = await db.$queryRaw<{ requestHash: string; status: number; responseBody: unknown }[]>`
      SELECT "requestHash", "status", "responseBody" FROM "IdempotencyRecord" WHERE "apiKeyId" = ${caller.keyId} AND "key" = ${idempotencyKey}`;
    return rows[0] ? replayOf(rows[0]) : null;
  };
  // TEST keys never store a decision, so there is nothing to replay: the sandbox holds no live rows.
  if (caller.mode === "TEST") throw notFound("No such pre-approval request.");
  try {
    if (decision.decision !== "declined") {
      const fast = await approveInOneStatement(caller, preApprovalId, decision, idempotencyKey, requestHash, replayOf);
      if (fast) return fast;
    }
    const prior = await replay();
    if (prior) return prior;
    return await db.$transaction(async (tx) => {
      const { applied, row } = await recordDecision(tx, { preApprovalId, lenderId: caller.lenderId, decision, source: "API" });
      const body = { applied, pre_approval: toApiPreApproval(row) };
      const status = applied ? 201 : 200;
      await tx.$executeRaw`
        INSERT INTO "IdempotencyRecord" ("id", "apiKeyId", "key", "requestHash", "status", "responseBody")
        VALUES (${`idem_${randomUUID()}`}, ${caller.keyId}, ${idempotencyKey}, ${requestHash}, ${status}, ${JSON.stringify(body)}::jsonb)`;
      return { status, body, replayed: false };
    });
  } catch (e) {
    // Two first calls with one key raced: the loser replays the winner's stored response.
    if (isUniqueViolation(e)) {
      const again = await replay();
      if (again) return again;
    }
    throw e;
  }
}

type Prior = { requestHash: string; status: number; responseBody: unknown };

/**
 * The common case — an approval that applies — in two round trips on the pg pool and no interactive
 * transaction, because the lender API's throughput is bounded by round trips and per-statement
 * overhead: one read (the idempotency record and the row together), then one atomic statement (the
 * versioned UPDATE, the idempotency record and the live NOTIFY in a single CTE). The response is fully determined before the write (the row as read plus
 * the decision), so it is stored with it. Anything unusual (not found, stale quote version, superseded,
 * expired, a concurrent change) returns null and takes the general path, which explains it. Declines
 * always take the general path: they also write a notice and notify the buyer.
 */
async function approveInOneStatement(
  caller: ApiCaller,
  preApprovalId: string,
  decision: Exclude<DecisionInput, { decision: "declined" }>,
  idempotencyKey: string,
  requestHash: string,
  replayOf: (prior: Prior) => StoredResponse,
): Promise<StoredResponse | null> {
  const now = new Date();
  const { rows } = await sql.query<Omit<LenderPreApprovalRow, "status" | "source" | "id"> & { id: string | null; status: string; source: string | null; idemHash: string | null; idemStatus: number | null; idemBody: unknown }>(
    decisionReadStatement(caller, idempotencyKey, preApprovalId),
  );
  const got = rows[0]!;
  if (got.idemHash !== null) return replayOf({ requestHash: got.idemHash, status: got.idemStatus!, responseBody: got.idemBody });
  const { idemHash: _h, idemStatus: _s, idemBody: _b, ...cur } = got;
  if (!cur.id || cur.quoteVersion !== decision.quoteVersion || cur.decisionVersion >= decision.decisionVersion || cur.expiresAt <= now || ["CANCELLED", "EXPIRED"].includes(cur.status)) return null;
  const offer = withPayment(offerOf(decision), cur.amountCents);
  const row = { ...cur, id: cur.id, ...offer, status: statusOf(decision.decision), decisionVersion: decision.decisionVersion, source: "API" as const, decidedAt: now } satisfies LenderPreApprovalRow;
  const body = { applied: true, pre_approval: toApiPreApproval(row) };
  // The same two events as the general path (recordDecision): the buyer's page and the lender's console.
  const events = [
    { topic: topics.request(cur.requestId), type: "pre_approval.updated", id: preApprovalId },
    { topic: topics.lender(caller.lenderId), type: "pre_approval.decided", id: preApprovalId },
  ];
  const viaNotify = env.LIVE_TRANSPORT === "notify";
  const statement = decisionWriteStatement({ caller, preApprovalId, decision, offer, amountCents: cur.amountCents, now, idempotencyKey, requestHash, body, events, viaNotify });
  const { rows: [stored] } = await sql.query<{ stored: number }>({ name: "lender-api.decision-write", text: statement.text, values: statement.values });
  if (stored?.stored !== 1) return null;
  if (!viaNotify) await publishMany(events);
  return { status: 201, body, replayed: false };
}

// The two statements of the common path, exported so bench/lender-decisions.mts sends exactly these as
// its bare-SQL baseline.

/** The idempotency record and the caller's row, together (either may be missing). */
export function decisionReadStatement(caller: Pick<ApiCaller, "keyId" | "lenderId">, idempotencyKey: string, preApprovalId: string) {
  return {
    name: "lender-api.decision-read",
    text: `
      SELECT i."requestHash" AS "idemHash", i."status" AS "idemStatus", i."responseBody" AS "idemBody",
             p."id", p."status"::text AS "status", p."requestId", p."quoteId", p."quoteVersion", p."amountCents", p."decisionVersion", p."aprBps",
             p."termMonths", p."maxAmountCents", p."monthlyPaymentCents", p."conditions", p."reasons", p."source"::text AS "source",
             p."decidedAt", p."expiresAt", p."createdAt"
      FROM (SELECT 1) AS one
      LEFT JOIN "IdempotencyRecord" i ON i."apiKeyId" = $1 AND i."key" = $2
      LEFT JOIN "PreApproval" p ON p."id" = $3 AND p."lenderId" = $4`,
    values: [caller.keyId, idempotencyKey, preApprovalId, caller.lenderId],
  };
}

/**
 * recordDecision's conditional UPDATE, plus: the amount it priced is still the amount on the row. The
 * idempotency record (with the response) is written only if the update applied, and the live event only
 * with it. Built as a tagged template (values are parameters), sent on the pg pool.
 */
export function decisionWriteStatement(w: {
  caller: Pick<ApiCaller, "keyId" | "lenderId">;
  preApprovalId: string;
  decision: DecisionInput;
  offer: Offer;
  amountCents: number;
  now: Date;
  idempotencyKey: string;
  requestHash: string;
  body: unknown;
  events: LiveEvent[];
  viaNotify: boolean;
}) {
  return Prisma.sql`
    WITH upd AS (${decisionUpdate(w.preApprovalId, w.caller.lenderId, w.decision, w.offer, "API", w.now)} AND "amountCents" = ${w.amountCents} RETURNING "id"),
    ins AS (
      INSERT INTO "IdempotencyRecord" ("id", "apiKeyId", "key", "requestHash", "status", "responseBody")
      SELECT ${`idem_${randomUUID()}`}, ${w.caller.keyId}, ${w.idempotencyKey}, ${w.requestHash}, 201, ${JSON.stringify(w.body)}::jsonb FROM upd
      RETURNING "id"),
    live AS (SELECT pg_notify(${LIVE_CHANNEL}, p) FROM ins, unnest(${w.events.map((e) => JSON.stringify(e))}::text[]) AS p WHERE ${w.viaNotify})
    SELECT (SELECT count(*) FROM ins)::int AS "stored", (SELECT count(*) FROM live)::int AS "notified"`;
}
