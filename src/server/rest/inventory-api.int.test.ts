// The dealer inventory API over real HTTP, served by the API process's server (node-server.ts).
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { createApiKey, createOwnedApiKey } from "~/modules/lender-api/api-keys";
import { vin2024 } from "~/modules/inventory/test-csv";
import { callerAs, makeCustomer, makeDealer, makeLender } from "../../../test/factories";
import { failure } from "../../../test/marketplace";
import { makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { useApiServer } from "../../../test/api-server";

const api = useApiServer();

type Reply = { status: number; headers: Headers; body: any; text: string };
const call = async (path: string, init: RequestInit & { key?: string } = {}): Promise<Reply> => {
  const headers = new Headers(init.headers);
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  const res = await fetch(`${api.base()}${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, text };
};
const unit = (serial: number, over: Record<string, unknown> = {}) => ({
  vin: vin2024(serial), stockNumber: `S${serial}`, condition: "NEW", year: 2024, make: "Honda", model: "Accord", trim: "EX", bodyType: "SEDAN",
  mileage: 12, priceCents: 3_199_550, msrpCents: 3_300_000, exteriorColor: "Blue", inStockSince: "2026-11-02", features: ["AWD", "Heated seats, front"], ...over,
});
const put = (key: string, body: unknown, idem: string | null, headers: Record<string, string> = {}) =>
  call("/inventory", { method: "PUT", key, body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json", ...(idem ? { "idempotency-key": idem } : {}), ...headers } });
const stock = (dealerId: string) => db.inventoryUnit.findMany({ where: { dealerId }, orderBy: { vin: "asc" }, select: { vin: true, priceCents: true, status: true, features: true, updatedAt: true } });
const isError = (r: Reply, status: number, code: string) => {
  expect({ status: r.status, body: r.body }).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
};

async function dealerWithKey(mode: "LIVE" | "TEST" = "LIVE") {
  const dealer = await makeDealer();
  const key = await createOwnedApiKey({ dealerId: dealer.id }, { name: "DMS", mode });
  return { dealer, key: key.secret, keyId: key.id };
}

describe("dealer API keys", () => {
  it("an owner creates a key shown once and stored hashed, lists it, and a revoked key fails on the next call", async () => {
    const dealer = await makeDealer();
    const owner = await callerAs(dealer.ownerId);
    const created = await owner.inventory.createApiKey({ name: "DMS feed", mode: "LIVE" });
    expect(created.secret).toMatch(/^kt_live_/);
    const listed = await owner.inventory.apiKeys();
    expect(listed.map((k) => k.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id }, select: { hash: true, dealerId: true, lenderId: true } });
    expect(row).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), dealerId: dealer.id, lenderId: null });

    expect((await call("/inventory", { key: created.secret })).status).toBe(200);
    await owner.inventory.revokeApiKey({ id: created.id });
    isError(await call("/inventory", { key: created.secret }), 401, "unauthorized");
  });

  it("keeps keys to owners and to their own dealership", async () => {
    const a = await makeDealer();
    const b = await makeDealer();
    const staff = await db.user.create({ data: { email: `staff-${a.id}@test.keyturn`, name: "Staff", passwordHash: "x", role: "DEALER", membership: { create: { dealerId: a.id, role: "STAFF" } } }, select: { id: true } });
    expect((await failure((await callerAs(staff.id)).inventory.createApiKey({ name: "k", mode: "LIVE" }))).code).toBe("FORBIDDEN");
    const key = await (await callerAs(a.ownerId)).inventory.createApiKey({ name: "k", mode: "LIVE" });
    const theirs = await failure((await callerAs(b.ownerId)).inventory.revokeApiKey({ id: key.id }));
    expect(theirs.code).toBe("NOT_FOUND");
    expect(await (await callerAs(b.ownerId)).inventory.apiKeys()).toEqual([]);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: { revokedAt: true } })).revokedAt).toBeNull();
  });

  it("refuses a lender key on /inventory and a dealer key on the lender routes, 401 in the one shape", async () => {
    const lender = await makeLender({ policyActive: false });
    const lenderKey = (await createApiKey(lender.id, { name: "LOS", mode: "LIVE" })).secret;
    const { key } = await dealerWithKey();
    for (const r of [await call("/inventory", { key: lenderKey }), await put(lenderKey, { units: [unit(1)] }, "lk")]) {
      isError(r, 401, "unauthorized");
      expect(r.body.error.message).toMatch(/lender API key/);
    }
    for (const path of ["/pre-approvals", "/decisions", "/pre-approvals/cxxxxxxxxxxxxxxxxxxxxxxxx"]) {
      const r = await call(path, { key });
      isError(r, 401, "unauthorized");
      expect(r.body.error.message).toMatch(/dealer API key/);
    }
  });
});

describe("PUT /inventory", () => {
  it("upserts units through the import's row rules, reporting each refused row by index", async () => {
    const { dealer, key } = await dealerWithKey();
    const r = await put(key, { units: [unit(1), unit(2, { year: 2019 }), unit(3, { priceCents: 0 }), unit(4, { condition: "USED", mileage: null }), unit(5)] }, "first");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      dryRun: false, received: 5, added: 2, updated: 0, unchanged: 0, markedSold: 0,
      rejected: [
        { row: 1, vin: vin2024(2), reason: expect.stringMatching(/disagrees with the VIN/) },
        { row: 2, vin: vin2024(3), reason: expect.stringMatching(/price/) },
        { row: 3, vin: vin2024(4), reason: "Missing mileage for a used vehicle." },
      ],
    });
    expect((await stock(dealer.id)).map((u) => [u.vin, u.priceCents, u.features])).toEqual([
      [vin2024(1), 3_199_550, ["AWD", "Heated seats, front"]], [vin2024(5), 3_199_550, ["AWD", "Heated seats, front"]],
    ]);
  });

  it("replays a key's stored response, refuses the key with another body, and requires a key", async () => {
    const { dealer, key } = await dealerWithKey();
    const body = { units: [unit(1), unit(2)], fullFeed: false };
    const first = await put(key, body, "idem-1");
    expect(first.body).toMatchObject({ added: 2 });
    const before = await stock(dealer.id);
    // The same request with its keys in another order is the same request; the default fullFeed too.
    const replay = await put(key, { units: [unit(1), unit(2)].map((u) => Object.fromEntries(Object.entries(u).reverse())) }, "idem-1");
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    const clash = await put(key, { units: [unit(1, { priceCents: 100_000 })] }, "idem-1");
    isError(clash, 422, "unprocessable");
    expect(clash.body.error.message).toMatch(/Idempotency-Key/);
    isError(await put(key, body, null), 400, "invalid_request");
    expect(await stock(dealer.id)).toEqual(before);

    // A new key with the same units changes nothing, and says so.
    expect((await put(key, body, "idem-2")).body).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await stock(dealer.id)).toEqual(before);
  });

  it("reprices, sells by status or full feed, and flags the open quotes on those units", async () => {
    const { dealer, key } = await dealerWithKey();
    await put(key, { units: [unit(1), unit(2), unit(3)] }, "seed");
    const units = await db.inventoryUnit.findMany({ where: { dealerId: dealer.id }, orderBy: { vin: "asc" }, select: { id: true } });
    const buyer = await makeCustomer();
    const quotes = [];
    for (const u of units) quotes.push(await makeQuote((await makeRequest(buyer.id)).id, dealer.id, { inventoryUnitId: u.id }));
    const r = await put(key, { units: [unit(1, { priceCents: 2_900_000 }), unit(2, { status: "SOLD" })], fullFeed: true }, "changes");
    expect(r.body).toMatchObject({ updated: 2, markedSold: 1 });
    expect((await stock(dealer.id)).map((u) => [u.priceCents, u.status])).toEqual([[2_900_000, "AVAILABLE"], [3_199_550, "SOLD"], [3_199_550, "SOLD"]]);
    const flags = await db.quote.findMany({ where: { id: { in: quotes.map((q) => q.id) } }, select: { id: true, unitChange: true } });
    expect(quotes.map((q) => flags.find((f) => f.id === q.id)!.unitChange)).toEqual(["PRICE_CHANGED", "SOLD", "SOLD"]);
  });

  it("takes a CSV feed with Content-Type text/csv, through the file import's parser", async () => {
    const { dealer, key } = await dealerWithKey();
    const csv = `VIN,Year,Make,Model,Price,Condition\n${vin2024(7)},2024,Honda,Accord,"$30,000",New\n${vin2024(8)},2019,Honda,Accord,1,New\n`;
    const r = await put(key, csv, "csv-1", { "content-type": "text/csv; charset=utf-8" });
    expect(r.body).toMatchObject({ received: 2, added: 1, rejected: [{ row: 3, vin: vin2024(8) }] });
    expect((await put(key, csv, "csv-1", { "content-type": "text/csv" })).headers.get("idempotent-replayed")).toBe("true");
    isError(await put(key, Uint8Array.from([0x76, 0x0a, 0xc3, 0x28, 0x0a]) as unknown as string, "csv-2", { "content-type": "text/csv" }), 400, "invalid_request");
    isError(await put(key, "vin\n\"open\n", "csv-3", { "content-type": "text/csv" }), 400, "invalid_request");
    expect((await stock(dealer.id)).map((u) => u.vin)).toEqual([vin2024(7)]);
  });

  it("refuses bad JSON, invalid units, too many units and oversized bodies, in the one shape, writing nothing", async () => {
    const { dealer, key } = await dealerWithKey();
    isError(await put(key, "{not json", "bad-json"), 400, "invalid_request");
    isError(await put(key, "", "empty"), 400, "invalid_request");
    isError(await put(key, { units: [unit(1, { dealerId: "someone-else" })] }, "mass"), 422, "validation_failed");
    isError(await put(key, { units: [unit(1, { priceCents: 31_995.5 })] }, "fraction"), 422, "validation_failed");
    isError(await put(key, { units: [] }, "none"), 422, "validation_failed");
    isError(await put(key, { units: Array.from({ length: 1001 }, (_, i) => ({ vin: vin2024(i) })) }, "many"), 422, "validation_failed");
    // fullFeed belongs in a JSON body; only a CSV body takes it in the query.
    isError(await call("/inventory?fullFeed=true", { method: "PUT", key, headers: { "idempotency-key": "q" }, body: JSON.stringify({ units: [unit(1)] }) }), 400, "invalid_request");
    const big = await put(key, { units: [unit(1, { trim: "x".repeat(1_100_000) })] }, "big");
    isError(big, 413, "payload_too_large");
    expect(await stock(dealer.id)).toEqual([]);
  });

  it("never shows or changes another dealer's units, even for the same VIN or a full feed", async () => {
    const a = await dealerWithKey();
    const b = await dealerWithKey();
    await put(a.key, { units: [unit(1), unit(2)] }, "a1");
    const before = await stock(a.dealer.id);
    expect((await put(b.key, { units: [unit(1, { priceCents: 100_000 })], fullFeed: true }, "b1")).body).toMatchObject({ added: 1, markedSold: 0 });
    expect(await stock(a.dealer.id)).toEqual(before);
    const list = await call("/inventory", { key: b.key });
    expect(list.body.data.map((u: { vin: string; priceCents: number }) => [u.vin, u.priceCents])).toEqual([[vin2024(1), 100_000]]);
  });

  it("a test key is a dry run: it says what would change and writes nothing", async () => {
    const { dealer, key } = await dealerWithKey("TEST");
    const r = await put(key, { units: [unit(1), unit(2, { year: 2019 })] }, "t1");
    expect(r.body).toMatchObject({ dryRun: true, added: 1, rejected: [{ row: 1 }] });
    expect(await stock(dealer.id)).toEqual([]);
    expect((await call("/inventory", { key })).body).toEqual({ object: "list", data: [], has_more: false, next_cursor: null });
  });
});

describe("GET /inventory", () => {
  it("pages the dealer's units by VIN with a status filter, and refuses bad parameters", async () => {
    const { key } = await dealerWithKey();
    await put(key, { units: [1, 2, 3, 4, 5].map((i) => unit(i, i === 3 ? { status: "SOLD" } : {})) }, "seed");
    const p1 = await call("/inventory?limit=2", { key });
    expect(p1.status).toBe(200);
    expect(p1.body.data.map((u: { vin: string }) => u.vin)).toEqual([vin2024(1), vin2024(2)]);
    expect(p1.body.data[0]).toEqual({ ...unit(1), id: expect.any(String), status: "AVAILABLE", updatedAt: expect.any(String) });
    const p2 = await call(`/inventory?limit=2&cursor=${p1.body.next_cursor}`, { key });
    const p3 = await call(`/inventory?limit=2&cursor=${p2.body.next_cursor}`, { key });
    expect([...p2.body.data, ...p3.body.data].map((u: { vin: string }) => u.vin)).toEqual([vin2024(3), vin2024(4), vin2024(5)]);
    expect(p3.body).toMatchObject({ has_more: false, next_cursor: null });
    const available = await call("/inventory?status=AVAILABLE", { key });
    expect(available.body.data.map((u: { vin: string }) => u.vin)).toEqual([1, 2, 4, 5].map(vin2024));
    for (const q of ["limit=1000", "limit=0", "status=GONE", "cursor=%27%20OR%201%3D1--", "colour=red"]) isError(await call(`/inventory?${q}`, { key }), 400, "invalid_request");
    isError(await call("/inventory"), 401, "unauthorized");
    const wrong = await call("/inventory", { method: "POST", key });
    expect([wrong.status, wrong.headers.get("allow")]).toEqual([405, "GET, PUT"]);
  });
});
