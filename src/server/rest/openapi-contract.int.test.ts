// The REST API's contract (lender and dealer inventory endpoints), walked: every operation of the OpenAPI document is called over HTTP with
// inputs that make it answer each status the document declares for it, and each answer must be that
// status with a body that parses as the declared schema (nothing added, nothing missing). A status an
// operation can return that the document lacks shows up as a mismatch; a declared status without a way
// to trigger it fails the coverage check.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { createApiKey, createOwnedApiKey } from "~/modules/lender-api/api-keys";
import { vin2024 } from "~/modules/inventory/test-csv";
import { componentSchemas, openApiDocument } from "~/modules/lender-api/openapi";
import { preApproveQuote } from "~/modules/lending/pre-approve-quote";
import { createApiServer } from "./node-server";
import { makeDealer, makeLender } from "../../../test/factories";
import { makeBuyerWithCredit, makeQuotedRequest } from "../../../test/lending-factories";
import { makeLead, makeRequest } from "../../../test/marketplace-factories";

const server = createApiServer();
let base = "";
let key = "";
let limitedKey = "";
let dealerKey = "";
let dealerLimitedKey = "";
let ids: string[] = [];
let leads: string[] = [];
let dealerTestKey = "";
let unverifiedKey = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const lender = await makeLender({ policyActive: false });
  key = (await createApiKey(lender.id, { name: "contract", mode: "LIVE" })).secret;
  const limited = await createApiKey(lender.id, { name: "exhausted", mode: "LIVE" });
  limitedKey = limited.secret;
  // This key's window is already full: every call with it is over the limit.
  await db.rateLimit.create({ data: { key: `api:${limited.id}`, windowStart: new Date(), count: 1_000_000 } });
  const dealer = await makeDealer();
  dealerKey = (await createOwnedApiKey({ dealerId: dealer.id }, { name: "DMS", mode: "LIVE" })).secret;
  const dealerLimited = await createOwnedApiKey({ dealerId: dealer.id }, { name: "exhausted", mode: "LIVE" });
  dealerLimitedKey = dealerLimited.secret;
  await db.rateLimit.create({ data: { key: `api:${dealerLimited.id}`, windowStart: new Date(), count: 1_000_000 } });
  dealerTestKey = (await createOwnedApiKey({ dealerId: dealer.id }, { name: "DMS test", mode: "TEST" })).secret;
  const unverified = await makeDealer({ verified: false });
  unverifiedKey = (await createOwnedApiKey({ dealerId: unverified.id }, { name: "DMS", mode: "LIVE" })).secret;
  const buyer = await makeBuyerWithCredit(705, 8_000_000, 120_000);
  // Leads to quote ({L0}… in paths): three of the contract dealer's on requests with "no add-ons", one of the unverified dealer's.
  for (const owner of [dealer.id, dealer.id, dealer.id, unverified.id]) {
    const r = await makeRequest(buyer.id, { noAddOns: true });
    leads.push((await makeLead(r.id, owner)).id);
  }
  for (let i = 0; i < 4; i++) {
    const { quote } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [lender.id] });
    await preApproveQuote(quote.id);
  }
  ids = (await db.preApproval.findMany({ where: { lenderId: lender.id }, select: { id: true }, orderBy: { createdAt: "asc" } })).map((r) => r.id);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// `setup` is sent first and its answer ignored: each trigger stands on its own, whatever runs before it.
type Call = { path: string; method?: string; auth?: string | null; headers?: Record<string, string>; body?: string; setup?: Call };
const approve = (over: Record<string, unknown> = {}) => JSON.stringify({ decision: "approved", decisionVersion: 1, quoteVersion: 1, aprBps: 689, termMonths: 60, maxAmountCents: 6_000_000, ...over });
// A number names the test's n-th pre-approval ("{n}" in the path, filled in when sent).
const decide = (target: number | string, idem: string | null, body: string, auth?: string | null): Call => ({
  path: `/pre-approvals/${typeof target === "number" ? `{${target}}` : target}/decisions`, method: "POST", auth, body, headers: { "content-type": "application/json", ...(idem ? { "idempotency-key": idem } : {}) },
});
const LEAKED = "?api_key=kt_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const unit = (serial: number, over: Record<string, unknown> = {}) => ({ vin: vin2024(serial), condition: "NEW", year: 2024, make: "Honda", model: "Accord", priceCents: 3_199_500, ...over });
const upsert = (idem: string | null, body: string, over: Partial<Call> = {}): Call => ({
  path: "/inventory", method: "PUT", auth: "dealer", body, headers: { "content-type": "application/json", ...(idem ? { "idempotency-key": idem } : {}) }, ...over,
});
const units = (...xs: unknown[]) => JSON.stringify({ units: xs });
const quoteBody = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    year: 2025, make: "Toyota", model: "RAV4", vin: "1HGCM82633A004352", condition: "NEW", mileage: 12, inStock: true, vehiclePriceCents: 3_450_000, feesCents: 49_900,
    addOnsCents: 0, incentivesCents: 0, tradeInOfferCents: 0, taxCents: 240_000, validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(), ...over,
  });
const quote = (lead: string, body: string, over: Partial<Call> = {}): Call => ({ path: `/leads/${lead}/quotes`, method: "POST", auth: "dealer", body, headers: { "content-type": "application/json" }, ...over });

// Inputs that make each operation answer each status.
const triggers: Record<string, Record<string, Call[]>> = {
  listPreApprovals: {
    "200": [{ path: "/pre-approvals?status=pending&limit=2" }],
    "400": [{ path: "/pre-approvals?limit=101" }, { path: "/pre-approvals?limit=0" }, { path: "/pre-approvals?status=maybe" }, { path: "/pre-approvals?colour=red" }, { path: `/pre-approvals${LEAKED}` }],
    "401": [{ path: "/pre-approvals", auth: null }, { path: "/pre-approvals", auth: "kt_live_notarealkeynotarealkey000000" }],
    "429": [{ path: "/pre-approvals", auth: "limited" }],
  },
  getPreApproval: {
    "200": [{ path: "/pre-approvals/{0}" }],
    "400": [{ path: `/pre-approvals/{0}${LEAKED}` }],
    "401": [{ path: "/pre-approvals/{0}", auth: null }],
    "404": [{ path: "/pre-approvals/nosuchpreapproval0000" }, { path: "/pre-approvals/NOT-AN-ID" }],
    "429": [{ path: "/pre-approvals/{0}", auth: "limited" }],
  },
  postDecision: {
    "201": [decide(0, "c-first", approve())],
    // A decision older than the one recorded is ignored (applied: false).
    "200": [{ ...decide(1, "c-late", approve({ decisionVersion: 1 })), setup: decide(1, "c-newer", approve({ decisionVersion: 2 })) }],
    "400": [decide(2, null, approve()), decide(2, "c-badjson", "{not json"), { ...decide(2, "c-leak", approve()), path: `/pre-approvals/{2}/decisions${LEAKED}` }],
    "401": [decide(2, "c-anon", approve(), null)],
    "404": [decide("nosuchpreapproval0000", "c-missing", approve())],
    "409": [decide(3, "c-revised", approve({ quoteVersion: 9 }))],
    "413": [decide(2, "c-big", JSON.stringify({ decision: "declined", decisionVersion: 1, quoteVersion: 1, reasons: ["x".repeat(40_000)] }))],
    "422": [
      decide(2, "c-invalid", approve({ aprBps: -5 })),
      // The same Idempotency-Key with another body.
      { ...decide(2, "c-clash", approve({ decisionVersion: 5, aprBps: 1 })), setup: decide(2, "c-clash", approve({ decisionVersion: 5 })) },
    ],
    "429": [decide(2, "c-limited", approve(), "limited")],
  },
  listDecisions: {
    "200": [{ path: "/decisions?limit=5" }],
    "400": [{ path: "/decisions?limit=1000" }, { path: "/decisions?status=pending" }, { path: `/decisions${LEAKED}` }],
    "401": [{ path: "/decisions", auth: null }],
    "429": [{ path: "/decisions", auth: "limited" }],
  },
};
triggers.listInventory = {
  "200": [{ path: "/inventory?limit=2", auth: "dealer" }, { path: "/inventory?status=SOLD", auth: "dealer" }],
  "400": [{ path: "/inventory?limit=101", auth: "dealer" }, { path: "/inventory?status=maybe", auth: "dealer" }, { path: "/inventory?cursor=nope", auth: "dealer" }, { path: `/inventory${LEAKED}`, auth: "dealer" }],
  // No key, and a lender's key: the inventory API takes only a dealer's.
  "401": [{ path: "/inventory", auth: null }, { path: "/inventory" }],
  "429": [{ path: "/inventory", auth: "dealerLimited" }],
};
triggers.upsertInventory = {
  "200": [
    upsert("i-first", units(unit(1), unit(2, { year: 2019 }))),
    { ...upsert("i-replay", units(unit(3))), setup: upsert("i-replay", units(unit(3))) },
    { ...upsert("i-csv", `VIN,Year,Make,Model,Price,Condition\n${vin2024(4)},2024,Honda,Accord,30000,New\n`), headers: { "content-type": "text/csv", "idempotency-key": "i-csv" } },
  ],
  "400": [
    upsert(null, units(unit(5))), upsert("i-badjson", "{not json"), upsert("i-query", units(unit(5)), { path: "/inventory?fullFeed=true" }),
    { ...upsert("i-badcsv", "vin\n\"open\n"), headers: { "content-type": "text/csv", "idempotency-key": "i-badcsv" } },
    upsert("i-leak", units(unit(5)), { path: `/inventory${LEAKED}` }),
  ],
  "401": [upsert("i-anon", units(unit(5)), { auth: null }), upsert("i-lender", units(unit(5)), { auth: undefined })],
  "413": [upsert("i-big", units(unit(5, { trim: "x".repeat(1_100_000) })))],
  "422": [
    upsert("i-invalid", units(unit(5, { dealerId: "x" }))),
    upsert("i-none", units()),
    { ...upsert("i-clash", units(unit(6, { priceCents: 100 }))), setup: upsert("i-clash", units(unit(6))) },
  ],
  "429": [upsert("i-limited", units(unit(5)), { auth: "dealerLimited" })],
};

triggers.createQuote = {
  "200": [quote("{L0}", quoteBody(), { auth: "dealerTest" })],
  "201": [quote("{L1}", quoteBody())],
  // Malformed JSON, a line that breaks the buyer's "no add-ons", a key in the URL.
  "400": [quote("{L0}", "{not json"), quote("{L0}", quoteBody({ addOnsCents: 50_000 })), quote("{L0}", quoteBody(), { path: `/leads/{L0}/quotes${LEAKED}` })],
  "401": [quote("{L0}", quoteBody(), { auth: null }), quote("{L0}", quoteBody(), { auth: undefined })],
  "403": [quote("{L3}", quoteBody(), { auth: "unverified" })],
  // Another dealer's lead reads exactly as a missing one.
  "404": [quote("nosuchlead00000000000", quoteBody()), quote("{L3}", quoteBody())],
  "409": [{ ...quote("{L2}", quoteBody()), setup: quote("{L2}", quoteBody()) }],
  "413": [quote("{L0}", quoteBody({ trim: "x".repeat(40_000) }))],
  "422": [quote("{L0}", quoteBody({ vin: "NOTAVIN" })), quote("{L0}", quoteBody({ dealerId: "x" })), quote("{L0}", quoteBody({ validUntil: "tomorrow" }))],
  "429": [quote("{L0}", quoteBody(), { auth: "dealerLimited" })],
};

// Declared because any operation can fail on our side, but no input of a caller's can cause it.
const NOT_TRIGGERABLE = new Set(["500"]);

type Operation = { operationId: string; responses: Record<string, { content?: { "application/json": { schema: { $ref: string } } } }> };
const doc = openApiDocument();
const operations = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path: p, method: method.toUpperCase(), op })));

async function send(c: Call): Promise<{ status: number; body: unknown }> {
  if (c.setup) await send(c.setup);
  const path = c.path.replace(/\{(\d)\}/g, (_, i: string) => ids[Number(i)]!).replace(/\{L(\d)\}/g, (_, i: string) => leads[Number(i)]!);
  const headers = new Headers(c.headers);
  const named: Record<string, string> = { limited: limitedKey, dealer: dealerKey, dealerLimited: dealerLimitedKey, dealerTest: dealerTestKey, unverified: unverifiedKey };
  const auth = c.auth === undefined ? key : c.auth === null ? null : (named[c.auth] ?? c.auth);
  if (auth) headers.set("authorization", `Bearer ${auth}`);
  const res = await fetch(`${base}${path}`, { method: c.method ?? "GET", headers, body: c.body });
  return { status: res.status, body: JSON.parse(await res.text()) as unknown };
}

describe("the REST API answers only what its OpenAPI document declares", () => {
  it("has a trigger for every declared status of every operation, and declares every status triggered", () => {
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(Object.keys(triggers).sort());
    for (const { op } of operations) {
      const declared = Object.keys(op.responses).filter((s) => !NOT_TRIGGERABLE.has(s)).sort();
      expect({ op: op.operationId, statuses: Object.keys(triggers[op.operationId]!).sort() }).toEqual({ op: op.operationId, statuses: declared });
    }
  });

  for (const { path, method, op } of operations) {
    it(`${method} ${path} (${op.operationId}): each trigger gets its declared status and body`, async () => {
      for (const [status, calls] of Object.entries(triggers[op.operationId]!)) {
        const declared = op.responses[status]!;
        const schema = componentSchemas[declared.content!["application/json"].schema.$ref.split("/").at(-1)!]!;
        for (const c of calls) {
          const got = await send(c);
          expect({ call: c.path, status: got.status }).toEqual({ call: c.path, status: Number(status) });
          // Parsing strips what the schema does not declare: equal means nothing extra and nothing missing.
          expect(schema.parse(got.body)).toEqual(got.body);
        }
      }
    });
  }
});
