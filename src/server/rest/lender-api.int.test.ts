// The lender REST API over real HTTP, served by the lender API process's server (node-server.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { subscribe, topics, type LiveEvent } from "~/server/realtime";
import { createApiKey, revokeApiKey } from "~/modules/lender-api/api-keys";
import { preApproveQuote } from "~/modules/lending/pre-approve-quote";
import { makeLender } from "../../../test/factories";
import { makeBuyerWithCredit, makeQuotedRequest } from "../../../test/lending-factories";
import { useApiServer } from "../../../test/api-server";

const api = useApiServer();

const call = async (path: string, init: RequestInit & { key?: string } = {}) => {
  const headers = new Headers(init.headers);
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  const res = await fetch(`${api.base()}${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, text };
};

let l1: { id: string; key: string; keyId: string };
let l2Key: string;
let preApprovalIds: string[] = [];
let customerId: string;

beforeAll(async () => {
  const lender1 = await makeLender({ policyActive: false });
  const lender2 = await makeLender({ policyActive: false });
  const k1 = await createApiKey(lender1.id, { name: "LOS", mode: "LIVE" });
  l1 = { id: lender1.id, key: k1.secret, keyId: k1.id };
  l2Key = (await createApiKey(lender2.id, { name: "other", mode: "LIVE" })).secret;
  const buyer = await makeBuyerWithCredit(705, 8_000_000, 120_000);
  customerId = buyer.id;
  for (let i = 0; i < 3; i++) {
    const { quote } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [lender1.id, lender2.id] });
    await preApproveQuote(quote.id);
  }
  preApprovalIds = (await db.preApproval.findMany({ where: { lenderId: lender1.id }, select: { id: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((r) => r.id);
});

const approve = (over: Record<string, unknown> = {}) => JSON.stringify({ decision: "approved", decisionVersion: 1, quoteVersion: 1, aprBps: 689, termMonths: 60, maxAmountCents: 6_000_000, ...over });

describe("lender REST API", () => {
  it("refuses calls without a valid bearer key, in the one error shape", async () => {
    const none = await call("/pre-approvals");
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    expect((await call("/pre-approvals", { key: "kt_live_nottherealkeynottherealkey0000" })).status).toBe(401);
  });

  it("refuses a key in the URL, even alongside a valid header", async () => {
    for (const q of [`?api_key=${l1.key}`, `?token=abc`, `?status=${l1.key}`]) {
      const r = await call(`/pre-approvals${q}`, { key: l1.key });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("key_in_url");
    }
  });

  it("lists pending requests with cursor pagination and a capped page size", async () => {
    const first = await call("/pre-approvals?status=pending&limit=2", { key: l1.key });
    expect(first.status).toBe(200);
    expect(first.body.data.map((d: { id: string }) => d.id)).toEqual(preApprovalIds.slice(0, 2));
    expect(first.body.has_more).toBe(true);
    const second = await call(`/pre-approvals?status=pending&limit=2&cursor=${first.body.next_cursor}`, { key: l1.key });
    expect(second.body.data.map((d: { id: string }) => d.id)).toEqual(preApprovalIds.slice(2, 3));
    expect(second.body).toMatchObject({ has_more: false, next_cursor: null });
    expect((await call("/pre-approvals?limit=1000", { key: l1.key })).status).toBe(400);
    expect((await call("/pre-approvals?status=bogus", { key: l1.key })).status).toBe(400);
    expect((await call("/pre-approvals?cursor=%27%20OR%201%3D1--", { key: l1.key })).status).toBe(400);
    expect((await call("/pre-approvals?unknown=1", { key: l1.key })).status).toBe(400);
  });

  it("shows one request with only the granted applicant fields, and logs the read", async () => {
    const id = preApprovalIds[0]!;
    const before = await db.accessLog.count({ where: { customerId, channel: "api", actorId: l1.id } });
    const r = await call(`/pre-approvals/${id}`, { key: l1.key });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id, status: "pending", vehicle: { make: "Toyota", condition: "new" }, applicant: { credit: { score: 705, tier: "PRIME" }, income: { annual_income_cents: 8_000_000 } } });
    expect(r.text).not.toMatch(/Buyer|@test\.keyturn|555-0100|Test St/); // no identity
    // One read, one log row, naming both fields it returned.
    const rows = await db.accessLog.findMany({ where: { customerId, channel: "api", actorId: l1.id }, select: { fields: true }, orderBy: { createdAt: "desc" } });
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]!.fields.sort()).toEqual(["CREDIT", "INCOME"]);
  });

  it("hides another lender's request exactly like a missing one", async () => {
    const id = preApprovalIds[0]!;
    const other = await call(`/pre-approvals/${id}`, { key: l2Key });
    const missing = await call(`/pre-approvals/cxxxxxxxxxxxxxxxxxxxxxxxx`, { key: l2Key });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    const decide = await call(`/pre-approvals/${id}/decisions`, { method: "POST", key: l2Key, headers: { "idempotency-key": "x1" }, body: approve() });
    expect(decide.status).toBe(404);
  });

  it("records a decision once per idempotency key: replay, and conflict on a different body", async () => {
    const id = preApprovalIds[1]!;
    // The buyer's open page hears about the decision (live event on the request's topic).
    const { requestId } = await db.preApproval.findUniqueOrThrow({ where: { id }, select: { requestId: true } });
    let heard: (e: LiveEvent) => void = () => undefined;
    const live = new Promise<LiveEvent>((resolve) => (heard = resolve));
    const off = await subscribe(topics.request(requestId), (e) => heard(e));
    // And so does the lender's own console, on the fast path as on the general one.
    let heardByConsole: (e: LiveEvent) => void = () => undefined;
    const consoleLive = new Promise<LiveEvent>((resolve) => (heardByConsole = resolve));
    const offConsole = await subscribe(topics.lender(l1.id), (e) => heardByConsole(e));
    const post = (body: string, key = "idem-1") => call(`/pre-approvals/${id}/decisions`, { method: "POST", key: l1.key, headers: { "idempotency-key": key, "content-type": "application/json" }, body });
    const first = await post(approve());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ applied: true, pre_approval: { status: "approved", apr_bps: 689, term_months: 60, decision_version: 1 } });
    expect(first.body.pre_approval.monthly_payment_cents).toBeGreaterThan(0);
    expect(await live).toMatchObject({ type: "pre_approval.updated", id });
    expect(await consoleLive).toMatchObject({ type: "pre_approval.decided", id });
    off();
    offConsole();

    // Same body with keys in another order is the same request.
    const replay = await post(JSON.stringify({ ...JSON.parse(approve()), decision: "approved" }));
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);

    const clash = await post(approve({ aprBps: 1 }));
    expect(clash.status).toBe(422);
    expect(clash.body.error.message).toMatch(/Idempotency-Key/);
    expect(await db.preApproval.findUniqueOrThrow({ where: { id }, select: { aprBps: true } })).toEqual({ aprBps: 689 });

    expect((await call(`/pre-approvals/${id}/decisions`, { method: "POST", key: l1.key, body: approve() })).status).toBe(400); // no key

    const decisions = await call("/decisions", { key: l1.key });
    expect(decisions.body.data.map((d: { id: string }) => d.id)).toContain(id);
  });

  it("ignores an older decision version arriving late", async () => {
    const id = preApprovalIds[2]!;
    const post = (body: string, key: string) => call(`/pre-approvals/${id}/decisions`, { method: "POST", key: l1.key, headers: { "idempotency-key": key }, body });
    expect((await post(approve({ decisionVersion: 2, aprBps: 700 }), "v2")).status).toBe(201);
    const late = await post(approve({ decisionVersion: 1, aprBps: 500 }), "v1");
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ applied: false, pre_approval: { apr_bps: 700, decision_version: 2 } });
    expect((await post(approve({ quoteVersion: 9, decisionVersion: 3 }), "qv9")).status).toBe(409);
  });

  it("refuses mass assignment, invalid decisions, bad JSON and oversized bodies without a 500", async () => {
    const id = preApprovalIds[0]!;
    const post = (body: string, key: string, headers: Record<string, string> = {}) =>
      call(`/pre-approvals/${id}/decisions`, { method: "POST", key: l1.key, headers: { "idempotency-key": key, ...headers }, body });
    for (const extra of [{ lenderId: "someone-else" }, { status: "APPROVED" }, { source: "AUTO_POLICY" }, { amountCents: 1 }, { monthlyPaymentCents: 1 }]) {
      const r = await post(approve(extra), `mass-${Object.keys(extra)[0]}`);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe("validation_failed");
    }
    expect((await post(approve({ aprBps: -5 }), "neg")).status).toBe(422);
    expect((await post(JSON.stringify({ decision: "declined", decisionVersion: 1, quoteVersion: 1, reasons: [] }), "noreason")).status).toBe(422);
    expect((await post("{not json", "badjson")).status).toBe(400);
    const big = await post(JSON.stringify({ decision: "declined", decisionVersion: 1, quoteVersion: 1, reasons: ["x".repeat(40_000)] }), "big");
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
    const row = await db.preApproval.findUniqueOrThrow({ where: { id }, select: { status: true, lenderId: true } });
    expect(row).toEqual({ status: "PENDING", lenderId: l1.id });
  });

  it("answers unknown paths, wrong methods and streamed oversized bodies in the same error shape", async () => {
    const nowhere = await call("/nothing-here", { key: l1.key });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.error.code).toBe("not_found");
    const wrong = await call("/pre-approvals", { method: "DELETE", key: l1.key });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    // No Content-Length: the server counts what arrives and stops at the limit.
    const id = preApprovalIds[0]!;
    const chunks = new ReadableStream({ start(c) { for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode("x".repeat(1024))); c.close(); } });
    const streamed = await fetch(`${api.base()}/pre-approvals/${id}/decisions`, { method: "POST", headers: { authorization: `Bearer ${l1.key}`, "idempotency-key": "stream-1" }, body: chunks, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe("payload_too_large");
    // The reference document and the health check need no key.
    const doc = await fetch(`${api.base()}/openapi.json`);
    expect(doc.status).toBe(200);
    expect((await doc.json()).openapi).toMatch(/^3\.1/);
    expect((await (await fetch(api.base().replace("/v1", "/health"))).json())).toEqual({ ok: true });
  });

  it("rate-limits per key with Retry-After", async () => {
    const { secret, id } = await createApiKey(l1.id, { name: "burst", mode: "LIVE" });
    await db.rateLimit.create({ data: { key: `api:${id}`, windowStart: new Date(), count: 1200 } });
    const r = await call("/pre-approvals", { key: secret });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(r.body.error.code).toBe("rate_limited");
    // Another key of the same lender is not affected.
    expect((await call("/pre-approvals", { key: l1.key })).status).toBe(200);
  });

  it("refuses a revoked key on the very next call and records last use", async () => {
    const { secret, id } = await createApiKey(l1.id, { name: "temp", mode: "LIVE" });
    expect((await call("/pre-approvals", { key: secret })).status).toBe(200);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } })).lastUsedAt).not.toBeNull();
    await revokeApiKey(l1.id, id);
    expect((await call("/pre-approvals", { key: secret })).status).toBe(401);
  });

  it("stores only a hash and a prefix of a key", async () => {
    const k = await createApiKey(l1.id, { name: "hashcheck", mode: "LIVE" });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: k.id }, select: { hash: true, prefix: true } });
    expect(row.hash).not.toContain(k.secret);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(k.secret.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(16);
  });

  it("keeps test keys away from live data", async () => {
    const test = (await createApiKey(l1.id, { name: "sandbox", mode: "TEST" })).secret;
    const list = await call("/pre-approvals", { key: test });
    expect(list.body).toEqual({ object: "list", data: [], has_more: false, next_cursor: null });
    const id = preApprovalIds[0]!;
    expect((await call(`/pre-approvals/${id}`, { key: test })).status).toBe(404);
    const post = await call(`/pre-approvals/${id}/decisions`, { method: "POST", key: test, headers: { "idempotency-key": "t1" }, body: approve() });
    expect(post.status).toBe(404);
    expect(await db.preApproval.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "PENDING" });
  });
});
