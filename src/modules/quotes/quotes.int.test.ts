import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerAs, makeCustomer } from "../../../test/factories";
import { dealerNorthOf, failure, postRequest, quoteInput, VALID_VIN } from "../../../test/marketplace";

async function setup() {
  const buyer = await makeCustomer();
  const dealer = await dealerNorthOf(4);
  const requestId = await postRequest(buyer.id, { tradeInYear: 2016, tradeInMake: "Honda", tradeInModel: "Civic", tradeInMileage: 90_000 });
  const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } } });
  return { buyer, dealer, requestId, lead, caller: await callerAs(dealer.ownerId) };
}

describe("quotes", () => {
  it("computes OTD and amount financed on the server, keeps revision 1, and asks lenders", async () => {
    const { caller, lead, requestId } = await setup();
    const q = await caller.dealer.submitQuote(quoteInput(lead.id, { tradeInOfferCents: 600_000 }));
    // 34,500 + 899 − 1,000 + 2,400 = 36,799; financed = 36,799 − 3,000 down − 6,000 trade = 27,799
    expect(q).toMatchObject({ otdCents: 3_679_900, amountFinancedCents: 2_779_900, version: 1 });
    const stored = await db.quote.findUniqueOrThrow({ where: { id: q.id }, include: { revisions: true } });
    expect(stored).toMatchObject({ requestId, dealerId: lead.dealerId, status: "ACTIVE", requestVersion: 1, vin: VALID_VIN });
    expect(stored.revisions.map((r) => r.version)).toEqual([1]);
    expect(await db.job.count({ where: { queue: "lending.pre-approve-quote", payload: { equals: { quoteId: q.id } } } })).toBe(1);
    const l = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(l.status).toBe("QUOTED");
    expect(l.firstResponseAt).not.toBeNull();
  });

  it("allows one live quote per lead; revising keeps history; withdrawing frees the slot", async () => {
    const { caller, lead } = await setup();
    const q = await caller.dealer.submitQuote(quoteInput(lead.id));
    expect((await failure(caller.dealer.submitQuote(quoteInput(lead.id)))).code).toBe("CONFLICT");
    const { leadId: _l, ...fields } = quoteInput(lead.id, { vehiclePriceCents: 3_300_000 });
    const r = await caller.dealer.reviseQuote({ ...fields, quoteId: q.id, version: 1 });
    expect(r).toMatchObject({ version: 2, otdCents: 3_300_000 + 89_900 - 100_000 + 240_000 });
    // A stale version is refused rather than overwriting the newer one.
    expect((await failure(caller.dealer.reviseQuote({ ...fields, quoteId: q.id, version: 1 }))).code).toBe("CONFLICT");
    const revisions = await db.quoteRevision.findMany({ where: { quoteId: q.id }, orderBy: { version: "asc" } });
    expect(revisions.map((x) => [x.version, (x.snapshot as { vehiclePriceCents: number }).vehiclePriceCents])).toEqual([[1, 3_450_000], [2, 3_300_000]]);
    expect(await db.job.count({ where: { queue: "lending.pre-approve-quote", payload: { equals: { quoteId: q.id } } } })).toBe(2);

    await caller.dealer.withdrawQuote({ quoteId: q.id, reason: "Sold this morning" });
    expect(await db.quote.findUniqueOrThrow({ where: { id: q.id }, select: { status: true, withdrawnReason: true } })).toEqual({ status: "WITHDRAWN", withdrawnReason: "Sold this morning" });
    expect(await db.job.count({ where: { queue: "lending.cancel-quote", payload: { equals: { quoteId: q.id } } } })).toBe(1);
    expect((await failure(caller.dealer.withdrawQuote({ quoteId: q.id, reason: "again" }))).code).toBe("CONFLICT");
    await caller.dealer.submitQuote(quoteInput(lead.id, { vin: "11111111111111111" }));
  });

  it("a quote states the car's condition, and it must answer what the buyer asked for", async () => {
    const { caller, lead } = await setup(); // the request asks for a new car
    const missing = await failure(caller.dealer.submitQuote(quoteInput(lead.id, { condition: undefined })));
    expect(missing).toMatchObject({ code: "BAD_REQUEST", fields: { condition: "Say whether the car is new, used or certified pre-owned." } });
    const used = await failure(caller.dealer.submitQuote(quoteInput(lead.id, { condition: "USED" })));
    expect(used).toMatchObject({ code: "BAD_REQUEST", fields: { condition: "This buyer asked for a new car; quote one that is." } });
    expect(await db.quote.count({ where: { leadId: lead.id } })).toBe(0);
    const q = await caller.dealer.submitQuote(quoteInput(lead.id, { condition: "NEW" }));
    expect((await db.quote.findUniqueOrThrow({ where: { id: q.id }, select: { condition: true } })).condition).toBe("NEW");
  });

  it("concurrent submits leave exactly one live quote", async () => {
    const { caller, lead } = await setup();
    const results = await Promise.all([1, 2, 3].map(() => failure(caller.dealer.submitQuote(quoteInput(lead.id)))));
    expect(results.filter((r) => r.code === "ok")).toHaveLength(1);
    expect(await db.quote.count({ where: { leadId: lead.id, status: "ACTIVE" } })).toBe(1);
  });

  it("rejects bad input with field messages and changes nothing", async () => {
    const { caller, lead } = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ vin: "1HGCM82633A00435" }, "vin"],
      [{ vin: "1HGCM82633A0O4352" }, "vin"],
      [{ vin: "1HGCM82643A004352" }, "vin"],
      [{ incentivesCents: 5_000_000, vehiclePriceCents: 1_000_000 }, "incentivesCents"],
      [{ feesCents: -1 }, "feesCents"],
      [{ taxCents: 10.5 }, "taxCents"],
      [{ validUntil: new Date(Date.now() - 86_400_000) }, "validUntil"],
      [{ year: 1980 }, "year"],
    ];
    for (const [over, field] of cases) {
      const f = await failure(caller.dealer.submitQuote(quoteInput(lead.id, over)));
      expect(f.code, JSON.stringify(over)).toBe("BAD_REQUEST");
      expect(Object.keys(f.fields), JSON.stringify(over)).toContain(field);
    }
    // Typed totals, or someone else's ids, are not accepted at all.
    for (const extra of [{ otdCents: 1 }, { amountFinancedCents: 1 }, { dealerId: "x" }, { status: "ACCEPTED" }, { requestId: "x" }]) {
      expect((await failure(caller.dealer.submitQuote(quoteInput(lead.id, extra)))).code).toBe("BAD_REQUEST");
    }
    expect(await db.quote.count({ where: { leadId: lead.id } })).toBe(0);
  });

  it("another dealer's lead or quote is NOT_FOUND, exactly like a missing one", async () => {
    const { caller, lead } = await setup();
    const q = await caller.dealer.submitQuote(quoteInput(lead.id));
    const stranger = await callerAs((await dealerNorthOf(400)).ownerId);
    const missingLead = await failure(stranger.dealer.lead({ leadId: "does-not-exist" }));
    const otherLead = await failure(stranger.dealer.lead({ leadId: lead.id }));
    expect(otherLead).toEqual(missingLead);
    expect(otherLead.code).toBe("NOT_FOUND");
    expect(await failure(stranger.dealer.submitQuote(quoteInput(lead.id)))).toEqual(await failure(stranger.dealer.submitQuote(quoteInput("does-not-exist"))));
    expect(await failure(stranger.dealer.pass({ leadId: lead.id }))).toEqual(await failure(stranger.dealer.pass({ leadId: "does-not-exist" })));
    const { leadId: _l, ...fields } = quoteInput(lead.id);
    expect(await failure(stranger.dealer.reviseQuote({ ...fields, quoteId: q.id, version: 1 }))).toEqual(await failure(stranger.dealer.reviseQuote({ ...fields, quoteId: "nope", version: 1 })));
    expect(await failure(stranger.dealer.withdrawQuote({ quoteId: q.id, reason: "mine now" }))).toEqual(await failure(stranger.dealer.withdrawQuote({ quoteId: "nope", reason: "mine now" })));
    expect((await db.quote.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("ACTIVE");
  });

  it("opening a lead marks it viewed; passing records the first response", async () => {
    const { caller, lead } = await setup();
    const opened = await caller.dealer.lead({ leadId: lead.id });
    expect(opened.status).toBe("VIEWED");
    expect(opened.matchReasons.length).toBe(3);
    await caller.dealer.pass({ leadId: lead.id, reason: "No stock" });
    const l = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(l.status).toBe("PASSED");
    expect(l.viewedAt).not.toBeNull();
    expect(l.firstResponseAt).not.toBeNull();
    expect((await failure(caller.dealer.submitQuote(quoteInput(lead.id)))).code).toBe("CONFLICT");
  });
});
