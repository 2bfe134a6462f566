// Issue 13 items 23 and 25: text PostgreSQL cannot store, and prototype keys that object spreads drop, are
// refused once for every input — tRPC over HTTP and the lender REST API — with a 400 and a sentence.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { createApiServer } from "~/server/rest/node-server";
import { createApiKey } from "~/modules/lender-api/api-keys";
import { UNSAFE_TEXT_MESSAGE } from "~/server/input-text";
import { makeCustomer, makeDealer, makeLender } from "../../../test/factories";
import { makeRequest, makeLead } from "../../../test/marketplace-factories";
import { trpcHttp } from "../../../test/trpc-http";

let customer: { id: string };
let dealer: { id: string; ownerId: string };
let lender: { id: string; ownerId: string };
let requestId: string;
let leadId: string;

beforeAll(async () => {
  customer = await makeCustomer();
  dealer = await makeDealer();
  lender = await makeLender();
  requestId = (await makeRequest(customer.id)).id;
  leadId = (await makeLead(requestId, dealer.id)).id;
});

const profile = (firstName: string, extra = "") => `{"firstName":${JSON.stringify(firstName)},"lastName":"Rivera","phone":null,"street":null,"city":null,"state":null,"zip":null,"employer":null,"annualIncomeCents":null,"housingCostCents":null${extra}}`;

describe("tRPC refuses unstorable text in any input, before any procedure runs", () => {
  const nul = JSON.stringify("Hi\u0000there");
  const lone = JSON.stringify("car \uD800");

  it.each([
    ["customer", "mutation", "vault.save", () => profile("Ava\u0000")],
    ["customer", "mutation", "vault.save", () => profile("Ava\uD800")],
    ["customer", "mutation", "threads.send", () => `{"leadId":"${leadId}","body":${nul}}`],
    ["customer", "mutation", "threads.send", () => `{"leadId":"${leadId}","body":${lone}}`],
    ["customer", "query", "inbox.get", () => `{"requestId":${JSON.stringify(`${requestId}\u0000`)}}`],
    ["lender", "mutation", "lending.saveWebhook", () => `{"url":${JSON.stringify("https://example.com/\u0000")}}`],
    ["dealer", "query", "threads.dealerGet", () => `{"leadId":${JSON.stringify(`${leadId}\uDC00`)}}`],
  ] as const)("%s %s %s", async (who, type, path, input) => {
    const userId = who === "customer" ? customer.id : who === "dealer" ? dealer.ownerId : lender.ownerId;
    const api = trpcHttp(userId);
    const r = type === "mutation" ? await api.mutation(path, input()) : await api.query(path, input());
    expect(r.status).toBe(400);
    expect(r.body?.error?.json.message).toBe(UNSAFE_TEXT_MESSAGE);
    expect(Object.values(r.body?.error?.json.data.fields ?? {})).toEqual([UNSAFE_TEXT_MESSAGE]);
    expect(r.body?.error?.json.data.code).toBe("BAD_REQUEST");
    expect(r.text).not.toContain("stack");
  });

  it("changes nothing: no message is stored and the profile keeps its name", async () => {
    expect(await db.message.count({ where: { thread: { leadId } } })).toBe(0);
    const p = await db.customerProfile.findUniqueOrThrow({ where: { userId: customer.id }, select: { firstName: true } });
    expect(p.firstName).toBe("Test");
  });

  it("still accepts ordinary text with whole emoji", async () => {
    const r = await trpcHttp(customer.id).mutation("vault.save", profile("Ava 🚗"));
    expect(r.status).toBe(200);
  });
});

describe("strict schemas refuse __proto__, constructor and prototype like any unknown key", () => {
  it.each(["__proto__", "constructor", "prototype"])("vault.save with %s", async (key) => {
    const r = await trpcHttp(customer.id).mutation("vault.save", profile("Mallory", `,"${key}":{"isAdmin":true}`));
    expect(r.status).toBe(400);
    expect(r.body?.error?.json.message).toBe(`Unrecognized field "${key}".`);
    const p = await db.customerProfile.findUniqueOrThrow({ where: { userId: customer.id }, select: { firstName: true } });
    expect(p.firstName).not.toBe("Mallory");
  });

  it("lending.saveWebhook and dealer.updateCoverage with a nested or top-level __proto__", async () => {
    const w = await trpcHttp(lender.ownerId).mutation("lending.saveWebhook", `{"url":null,"__proto__":{"x":1}}`);
    expect(w.status).toBe(400);
    const c = await trpcHttp(dealer.ownerId).mutation("dealer.updateCoverage", `{"__proto__":{"serviceRadiusMiles":500}}`);
    expect(c.status).toBe(400);
    expect(c.body?.error?.json.message).toBe(`Unrecognized field "__proto__".`);
  });
});

describe("the lender REST API refuses the same text, and malformed URLs, with a 400", () => {
  const server = createApiServer();
  let base = "";
  let key = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    key = (await createApiKey(lender.id, { name: "LOS", mode: "LIVE" })).secret;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "idempotency-key": "k-1", "content-type": "application/json", ...init.headers } });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
  };

  it("a NUL or lone surrogate in a decision body", async () => {
    for (const note of ["bad\u0000", "bad\uD800"]) {
      const r = await call("/api/v1/pre-approvals/abcdefghij0123/decisions", {
        method: "POST",
        body: `{"decision":"declined","decisionVersion":1,"quoteVersion":1,"reasons":[${JSON.stringify(note)}]}`,
      });
      expect(r.status).toBe(400);
      expect(r.body.error).toEqual({ code: "invalid_request", message: `reasons.0: ${UNSAFE_TEXT_MESSAGE}` });
    }
  });

  it("a __proto__ key in a decision body", async () => {
    const r = await call("/api/v1/pre-approvals/abcdefghij0123/decisions", { method: "POST", body: `{"decision":"declined","__proto__":{}}` });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toBe(`__proto__: Unrecognized field "__proto__".`);
  });

  it("a NUL in a query parameter", async () => {
    const r = await call("/api/v1/pre-approvals?cursor=abc%00");
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe("invalid_request");
  });

  it("a malformed %-escape in the path", async () => {
    for (const path of ["/api/v1/pre-approvals/%E0%A4%A", "/api/v1/pre-approvals/%ZZ/decisions", "/api/v1/%"]) {
      const r = await call(path);
      expect([path, r.status, r.body.error?.message]).toEqual([path, 400, "The URL contains a malformed %-escape."]);
    }
  });
});
