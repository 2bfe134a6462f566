import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { POST } from "~/app/api/dealer/inventory/import/route";
import { actorOf, callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { failure } from "../../../test/marketplace";
import { makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { commitImport } from "./commit-import";
import { MAX_FILE_BYTES } from "./parse-file";
import { previewImport } from "./preview-import";
import { csvFile, csvRow, vin2024 } from "./test-csv";

const enc = (s: string) => new TextEncoder().encode(s);
const units = (dealerId: string) => db.inventoryUnit.findMany({ where: { dealerId }, orderBy: { vin: "asc" }, select: { vin: true, priceCents: true, status: true, updatedAt: true } });

async function dealerWithActor() {
  const dealer = await makeDealer();
  return { dealer, actor: await actorOf(dealer.ownerId) };
}

describe("inventory import use-cases", () => {
  it("previews counts and bad rows without writing, then commits only the good rows", async () => {
    const { dealer, actor } = await dealerWithActor();
    const file = csvFile([csvRow(1), csvRow(2), csvRow(3, { price: "0" }), csvRow(4, { year: "2019" })]);
    const preview = await previewImport({ actor, file, fullFeed: false });
    expect(preview).toMatchObject({ rows: 4, add: 2, update: 0, unchanged: 0, markSold: 0 });
    expect(preview.bad.map((b) => b.line)).toEqual([4, 5]);
    expect(await db.inventoryUnit.count({ where: { dealerId: dealer.id } })).toBe(0);

    const result = await commitImport({ actor, file, fullFeed: false });
    expect(result).toMatchObject({ added: 2, updated: 0, unchanged: 0, markedSold: 0 });
    expect((await units(dealer.id)).map((u) => [u.vin, u.priceCents, u.status])).toEqual([[vin2024(1), 3_199_500, "AVAILABLE"], [vin2024(2), 3_199_500, "AVAILABLE"]]);
  });

  it("is idempotent: the same file twice changes nothing, updatedAt included; a changed price is one update", async () => {
    const { dealer, actor } = await dealerWithActor();
    const file = csvFile([csvRow(1), csvRow(2)]);
    await commitImport({ actor, file, fullFeed: false });
    const before = await units(dealer.id);
    expect(await previewImport({ actor, file, fullFeed: false })).toMatchObject({ add: 0, update: 0, unchanged: 2 });
    expect(await commitImport({ actor, file, fullFeed: false })).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await units(dealer.id)).toEqual(before);

    const changed = csvFile([csvRow(1), csvRow(2, { price: "29999" })]);
    expect(await commitImport({ actor, file: changed, fullFeed: false })).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    const after = await units(dealer.id);
    expect(after[0]!.updatedAt).toEqual(before[0]!.updatedAt);
    expect(after[1]).toMatchObject({ priceCents: 2_999_900 });
  });

  it("in full-feed mode marks available units missing from the file sold, and only this dealer's", async () => {
    const { dealer, actor } = await dealerWithActor();
    const other = await dealerWithActor();
    await commitImport({ actor, file: csvFile([csvRow(1), csvRow(2), csvRow(3)]), fullFeed: false });
    await commitImport({ actor: other.actor, file: csvFile([csvRow(9)]), fullFeed: false });
    const feed = csvFile([csvRow(1), csvRow(4)]);
    expect(await previewImport({ actor, file: feed, fullFeed: true })).toMatchObject({ add: 1, unchanged: 1, markSold: 2 });
    expect(await db.inventoryUnit.count({ where: { dealerId: dealer.id, status: "SOLD" } })).toBe(0);
    expect(await commitImport({ actor, file: feed, fullFeed: true })).toMatchObject({ added: 1, unchanged: 1, markedSold: 2 });
    expect((await units(dealer.id)).map((u) => [u.vin, u.status])).toEqual([
      [vin2024(1), "AVAILABLE"], [vin2024(2), "SOLD"], [vin2024(3), "SOLD"], [vin2024(4), "AVAILABLE"],
    ]);
    expect((await units(other.dealer.id)).map((u) => u.status)).toEqual(["AVAILABLE"]);
  });

  it("writes 1,200 rows in set-based batches: one change moves one updatedAt, and a second run changes nothing", async () => {
    const { dealer, actor } = await dealerWithActor();
    const serials = Array.from({ length: 1200 }, (_, i) => i + 1);
    const file = csvFile(serials.map((i) => csvRow(i)));
    expect(await commitImport({ actor, file, fullFeed: false })).toMatchObject({ added: 1200 });
    const before = await units(dealer.id);
    // The set-based insert stamps updatedAt in UTC, as the createdAt default does in the same transaction.
    const fresh = await db.inventoryUnit.findFirstOrThrow({ where: { dealerId: dealer.id }, select: { id: true, createdAt: true, updatedAt: true } });
    expect(fresh.updatedAt).toEqual(fresh.createdAt);
    expect(fresh.id).toMatch(/^[a-z0-9]{25}$/);
    expect(await commitImport({ actor, file, fullFeed: true })).toMatchObject({ added: 0, updated: 0, unchanged: 1200, markedSold: 0 });
    expect(await units(dealer.id)).toEqual(before);
    // Rows 1 and 700 (in different batches) change price; 1,200 leaves a full feed.
    const changed = csvFile(serials.slice(0, -1).map((i) => csvRow(i, i === 1 || i === 700 ? { price: "25000" } : {})));
    expect(await commitImport({ actor, file: changed, fullFeed: true })).toMatchObject({ updated: 2, unchanged: 1197, markedSold: 1 });
    const after = await units(dealer.id);
    const moved = after.filter((u, i) => u.updatedAt.getTime() !== before[i]!.updatedAt.getTime()).map((u) => [u.vin, u.priceCents, u.status]);
    expect(moved.sort()).toEqual([[vin2024(1), 2_500_000, "AVAILABLE"], [vin2024(1200), 3_199_500, "SOLD"], [vin2024(700), 2_500_000, "AVAILABLE"]].sort());
    const unit = await db.inventoryUnit.findFirstOrThrow({ where: { dealerId: dealer.id, vin: vin2024(1) } });
    expect(unit).toMatchObject({ make: "Honda", model: "Accord", trim: "EX", bodyType: "SEDAN", condition: "NEW", mileage: 12, msrpCents: 3_300_000, inStockSince: new Date("2026-11-02") });
  });

  it("flags the open quotes on units it reprices or a full feed sells, in the import's transaction", async () => {
    const { dealer, actor } = await dealerWithActor();
    await commitImport({ actor, file: csvFile([csvRow(1), csvRow(2), csvRow(3)]), fullFeed: false });
    const unitOf = async (serial: number) => (await db.inventoryUnit.findFirstOrThrow({ where: { dealerId: dealer.id, vin: vin2024(serial) }, select: { id: true } })).id;
    const buyer = await makeCustomer();
    const quotes = [];
    for (const serial of [1, 2, 3]) {
      const request = await makeRequest(buyer.id);
      quotes.push(await makeQuote(request.id, dealer.id, { inventoryUnitId: await unitOf(serial) }));
    }
    await commitImport({ actor, file: csvFile([csvRow(1, { price: "28000" }), csvRow(3)]), fullFeed: true });
    const flags = await db.quote.findMany({ where: { id: { in: quotes.map((q) => q.id) } }, select: { id: true, unitChange: true } });
    const byId = new Map(flags.map((f) => [f.id, f.unitChange]));
    expect(quotes.map((q) => byId.get(q.id))).toEqual(["PRICE_CHANGED", "SOLD", null]);
    const note = await db.notification.count({ where: { userId: buyer.id, kind: "quote.unit-changed" } });
    expect(note).toBe(2);
  });

  it("refuses bad files with nothing written", async () => {
    const { dealer, actor } = await dealerWithActor();
    for (const file of [enc(""), enc("vin,year\n\"open,2024\n"), Uint8Array.from([0x76, 0x69, 0x6e, 0x0a, 0xff, 0xfe, 0x0a]), enc(`VIN,Year\n${vin2024(1)},2024\n`)]) {
      await expect(commitImport({ actor, file, fullFeed: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await db.inventoryUnit.count({ where: { dealerId: dealer.id } })).toBe(0);
  });
});

describe("inventory router", () => {
  it("lists with search, filters, sort and cursor paging", async () => {
    const { dealer, actor } = await dealerWithActor();
    const rows = [1, 2, 3, 4, 5].map((i) => csvRow(i, { price: String(20_000 + i * 1000), mileage: String(100 * i) }));
    await commitImport({ actor, file: csvFile(rows), fullFeed: false });
    const caller = await callerAs(dealer.ownerId);
    const p1 = await caller.inventory.list({ sort: "price_desc", limit: 2 });
    expect(p1.items.map((u) => u.priceCents)).toEqual([2_500_000, 2_400_000]);
    const p2 = await caller.inventory.list({ sort: "price_desc", limit: 2, cursor: p1.nextCursor! });
    const p3 = await caller.inventory.list({ sort: "price_desc", limit: 2, cursor: p2.nextCursor! });
    expect([...p2.items, ...p3.items].map((u) => u.priceCents)).toEqual([2_300_000, 2_200_000, 2_100_000]);
    expect(p3.nextCursor).toBeNull();
    expect((await caller.inventory.list({ search: vin2024(3).slice(-6) })).items.map((u) => u.vin)).toEqual([vin2024(3)]);
    expect((await caller.inventory.list({ search: "s4" })).items.map((u) => u.stockNumber)).toEqual(["S4"]);
    expect((await caller.inventory.list({ search: "accord", sort: "mileage_asc" })).items.map((u) => u.mileage)).toEqual([100, 200, 300, 400, 500]);
    expect((await caller.inventory.list({ bodyType: "SUV" })).items).toEqual([]);
  });

  it("edits a price exactly, marks sold and available, and treats another dealer's unit as missing", async () => {
    const { dealer, actor } = await dealerWithActor();
    const other = await dealerWithActor();
    await commitImport({ actor, file: csvFile([csvRow(1)]), fullFeed: false });
    const caller = await callerAs(dealer.ownerId);
    const [unit] = (await caller.inventory.list({})).items;
    expect(await caller.inventory.updatePrice({ unitId: unit!.id, priceCents: 2_899_950 })).toMatchObject({ priceCents: 2_899_950 });
    const rounding = await failure(caller.inventory.updatePrice({ unitId: unit!.id, priceCents: 2_899_950.5 }));
    expect(rounding).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/whole cents/) });
    expect(await caller.inventory.markSold({ unitId: unit!.id })).toMatchObject({ status: "SOLD" });
    expect((await failure(caller.inventory.markSold({ unitId: unit!.id }))).code).toBe("CONFLICT");
    expect(await caller.inventory.markAvailable({ unitId: unit!.id })).toMatchObject({ status: "AVAILABLE" });

    const stranger = await callerAs(other.dealer.ownerId);
    const theirs = await failure(stranger.inventory.updatePrice({ unitId: unit!.id, priceCents: 100 }));
    const missing = await failure(stranger.inventory.updatePrice({ unitId: "no-such-unit", priceCents: 100 }));
    expect(theirs).toEqual(missing);
    expect(theirs.code).toBe("NOT_FOUND");
    expect((await failure(stranger.inventory.markSold({ unitId: unit!.id }))).code).toBe("NOT_FOUND");
    expect(await db.inventoryUnit.findUniqueOrThrow({ where: { id: unit!.id }, select: { priceCents: true, status: true } })).toEqual({ priceCents: 2_899_950, status: "AVAILABLE" });
  });
});

describe("import route handler", () => {
  const cookieFor = async (userId: string) => {
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
    const token = await encode({ token: { uid: userId, sv: sessionVersion }, secret: process.env.NEXTAUTH_SECRET! });
    return `next-auth.session-token=${token}`;
  };
  const post = (query: string, body: BodyInit, cookie?: string) =>
    POST(new NextRequest(`http://localhost:3000/api/dealer/inventory/import?${query}`, { method: "POST", body, headers: cookie ? { cookie } : {} }));
  const reply = async (res: Response) => ({ status: res.status, body: (await res.json()) as { error?: { code: string; message: string; reason?: string; missing?: string[] } } & Record<string, unknown> });

  it("previews and commits for a signed-in dealer", async () => {
    const { dealer } = await dealerWithActor();
    const cookie = await cookieFor(dealer.ownerId);
    const file = csvFile([csvRow(1), csvRow(2, { make: "" })]);
    const preview = await reply(await post("mode=preview", file, cookie));
    expect(preview).toMatchObject({ status: 200, body: { add: 1, bad: [{ line: 3, reason: "Missing make." }] } });
    const commit = await reply(await post("mode=commit&fullFeed=1", file, cookie));
    expect(commit).toMatchObject({ status: 200, body: { added: 1 } });
    expect(await db.inventoryUnit.count({ where: { dealerId: dealer.id } })).toBe(1);
  });

  it("reads an explicit header mapping from the query string", async () => {
    const { dealer } = await dealerWithActor();
    const cookie = await cookieFor(dealer.ownerId);
    const file = `Serial,MY,Brand,Line,Sale Price,State\n${vin2024(1)},2024,Honda,Accord,"$30,000",New\n`;
    const mapping = encodeURIComponent(JSON.stringify({ Serial: "vin", MY: "year", Brand: "make", Line: "model", "Sale Price": "price", State: "condition" }));
    expect(await reply(await post(`mode=commit&mapping=${mapping}`, file, cookie))).toMatchObject({ status: 200, body: { added: 1 } });
    expect(await db.inventoryUnit.findFirst({ where: { dealerId: dealer.id }, select: { priceCents: true, condition: true } })).toEqual({ priceCents: 3_000_000, condition: "NEW" });
    const wrong = encodeURIComponent(JSON.stringify({ Serial: "serial_no" }));
    expect(await reply(await post(`mode=preview&mapping=${wrong}`, file, cookie))).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/Map each header/) } } });
  });

  it("answers 401 signed out, 403 for a non-dealer, 400 for bad files and queries, 413 for too big, in one shape", async () => {
    const { dealer } = await dealerWithActor();
    const buyer = await makeCustomer();
    const cookie = await cookieFor(dealer.ownerId);
    const file = csvFile([csvRow(1)]);
    expect(await reply(await post("mode=commit", file))).toMatchObject({ status: 401, body: { error: { code: "UNAUTHORIZED", message: expect.any(String) } } });
    expect(await reply(await post("mode=commit", file, await cookieFor(buyer.id)))).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    expect(await reply(await post("mode=delete", file, cookie))).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST", message: expect.stringMatching(/mode/) } } });
    expect(await reply(await post("mode=preview&mapping=%7Bnope", file, cookie))).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/mapping must be JSON/) } } });
    expect(await reply(await post("mode=commit", "", cookie))).toMatchObject({ status: 400, body: { error: { reason: "EMPTY" } } });
    expect(await reply(await post("mode=commit", Uint8Array.from([0x76, 0x0a, 0xc3, 0x28, 0x0a]), cookie))).toMatchObject({ status: 400, body: { error: { reason: "NOT_UTF8" } } });
    expect(await reply(await post("mode=commit", `VIN,Year,Make\n${vin2024(1)},2024,Honda\n`, cookie))).toMatchObject({
      status: 400, body: { error: { reason: "MISSING_COLUMNS", missing: ["model", "price", "condition"] } },
    });
    const big = new Uint8Array(MAX_FILE_BYTES + 10).fill(0x61);
    expect(await reply(await post("mode=commit", big, cookie))).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE" } } });
    expect(await db.inventoryUnit.count({ where: { dealerId: dealer.id } })).toBe(0);
  });
});

describe("import route: bad files are refused in one shape, never a 500, and change nothing", () => {
  const cookieFor = async (userId: string) => {
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
    return `next-auth.session-token=${await encode({ token: { uid: userId, sv: sessionVersion }, secret: process.env.NEXTAUTH_SECRET! })}`;
  };
  const MB = 1024 * 1024;
  // A 50 MB upload sent as 1 MB pieces, made only when the server asks for the next: `pulled` says how far it read.
  const fiftyMegabytes = () => {
    const state = { pulled: 0 };
    const piece = new Uint8Array(MB).fill(0x61);
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (state.pulled === 50) return c.close();
        state.pulled++;
        c.enqueue(piece);
      },
    });
    return { body, state };
  };

  it("refuses malformed CSV, no header row, Latin-1, UTF-16 and 50 MB, declared or streamed", async () => {
    const { dealer, actor } = await dealerWithActor();
    await commitImport({ actor, file: csvFile([csvRow(1), csvRow(2)]), fullFeed: false });
    const before = await units(dealer.id);
    const cookie = await cookieFor(dealer.ownerId);
    const send = async (body: BodyInit, headers: Record<string, string> = {}) => {
      const req = new NextRequest("http://localhost:3000/api/dealer/inventory/import?mode=commit&fullFeed=1", { method: "POST", body, headers: { cookie, ...headers }, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
      const res = await POST(req);
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string; reason: string } } };
    };
    const utf16 = (s: string) => Uint8Array.from([0xff, 0xfe, ...[...s].flatMap((c) => [c.charCodeAt(0), 0])]);
    const cases: [string, BodyInit, number, string, RegExp][] = [
      ["unclosed quote", `Stock,VIN,Year,Make,Model,Price,Type\nS1,"${vin2024(1)},2024,Honda,Accord,30000,New\n`, 400, "MALFORMED", /not valid CSV/],
      ["no header row", `${csvRow(1)}\n${csvRow(2)}\n`, 400, "EMPTY", /no header row/],
      ["Latin-1", Uint8Array.from([...enc("vin,year,make,model,price,condition\n"), ...enc(vin2024(1)), ...enc(",2024,Citro"), 0xeb, ...enc("n,C3,1,New\n")]), 400, "NOT_UTF8", /save it as UTF-8 CSV/i],
      ["UTF-16", utf16(`vin,year,make,model,price,condition\n${vin2024(1)},2024,Honda,Accord,1,New\n`), 400, "NOT_UTF8", /UTF-16.*UTF-8 CSV/],
    ];
    for (const [what, body, status, reason, message] of cases) {
      const r = await send(body);
      expect({ what, status: r.status, reason: r.body.error.reason }).toEqual({ what, status, reason });
      expect(r.body.error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    }
    // Declared: refused from the Content-Length alone, before a byte of the body is read.
    const declared = fiftyMegabytes();
    const byLength = await send(declared.body, { "content-length": String(50 * MB) });
    expect(byLength).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE", reason: "TOO_LARGE", message: expect.stringMatching(/over 5 MB/) } } });
    expect(declared.state.pulled).toBeLessThanOrEqual(1);
    // Streamed with no length: counted as it arrives and cut off just past the limit, not read to the end.
    const streamed = fiftyMegabytes();
    expect(await send(streamed.body)).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE" } } });
    expect(streamed.state.pulled).toBeLessThan(10);
    expect(await units(dealer.id)).toEqual(before);
  });
});
