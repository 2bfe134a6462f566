import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { drainJobs } from "~/server/jobs/worker";
import { withCheckDigit } from "~/modules/vehicles/vin";
import { AUTO_QUOTE_QUEUE } from "~/modules/matching/fan-out";
import { AUTO_QUOTE_SKIP } from "./auto-quote-labels";
import { autoQuoteLead } from "./auto-quote.job";
import { callerAs, makeCustomer } from "../../../test/factories";
import { dealerNorthOf, failure, postRequest } from "../../../test/marketplace";

let serial = 0;
/** A unit that fits the base request (a new Toyota SUV under $40,000 out the door). */
async function stockUnit(dealerId: string, over: Partial<{ priceCents: number; bodyType: "SUV" | "SEDAN"; make: string }> = {}) {
  serial++;
  const vin = withCheckDigit(`JTMB1RFV0S${String(Date.now() % 1_000_000).padStart(6, "0")}${serial % 10}`.slice(0, 17));
  return db.inventoryUnit.create({
    data: { dealerId, vin, condition: "NEW", year: 2025, make: over.make ?? "Toyota", model: "RAV4", trim: "XLE", bodyType: over.bodyType ?? "SUV", mileage: 8, priceCents: over.priceCents ?? 3_200_000, features: [] },
    select: { id: true, priceCents: true },
  });
}

async function autoDealer(over: Parameters<typeof dealerNorthOf>[1] = {}) {
  return dealerNorthOf(3, { autoQuoteEnabled: true, autoQuoteDiscountBps: 500, autoQuoteDailyCap: 5, ...over });
}

async function leadOf(requestId: string, dealerId: string) {
  return db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId } }, select: { id: true, autoQuoteAt: true, autoQuoteSkip: true, status: true } });
}
const autoJobsFor = (leadId: string) => db.job.count({ where: { queue: AUTO_QUOTE_QUEUE, payload: { equals: { leadId } } } });
const quotesOn = (leadId: string) => db.quote.findMany({ where: { leadId }, select: { id: true, autoSent: true, inventoryUnitId: true, vehiclePriceCents: true, status: true } });

describe("automatic quotes", () => {
  it("fan-out queues the job for the rule's dealers only; the job sends one quote, once, even when it runs twice", async () => {
    const buyer = await makeCustomer();
    const auto = await autoDealer();
    const manual = await dealerNorthOf(3);
    const unit = await stockUnit(auto.id);
    await stockUnit(manual.id);
    const requestId = await postRequest(buyer.id);
    const lead = await leadOf(requestId, auto.id);
    const other = await leadOf(requestId, manual.id);
    expect(await autoJobsFor(lead.id)).toBe(1);
    expect(await autoJobsFor(other.id)).toBe(0);

    const first = await autoQuoteLead(lead.id);
    const second = await autoQuoteLead(lead.id);
    expect(first).toMatchObject({ sent: expect.any(String) });
    expect(second).toEqual({ alreadyDone: true });
    const quotes = await quotesOn(lead.id);
    // List price minus the dealer's 5%.
    expect(quotes).toEqual([{ id: (first as { sent: string }).sent, autoSent: true, inventoryUnitId: unit.id, vehiclePriceCents: 3_040_000, status: "ACTIVE" }]);
    expect(await leadOf(requestId, auto.id)).toMatchObject({ status: "QUOTED", autoQuoteAt: expect.any(Date), autoQuoteSkip: null });
    // Pre-approval starts at once, as for a quote sent by hand.
    expect(await db.job.count({ where: { queue: "lending.pre-approve-quote", payload: { equals: { quoteId: quotes[0]!.id } } } })).toBe(1);
    expect(await db.dealerAutoQuoteDay.findMany({ where: { dealerId: auto.id }, select: { count: true } })).toEqual([{ count: 1 }]);

    // The queued job itself (through the worker's registry) finds the lead already answered.
    await drainJobs([AUTO_QUOTE_QUEUE]);
    expect(await quotesOn(lead.id)).toHaveLength(1);
    expect(await db.job.findFirstOrThrow({ where: { queue: AUTO_QUOTE_QUEUE, payload: { equals: { leadId: lead.id } } }, select: { status: true } })).toEqual({ status: "DONE" });

    // Both sides see it was automatic.
    const inbox = await (await callerAs(buyer.id)).inbox.get({ requestId });
    expect(inbox.quotes.find((q) => q.id === quotes[0]!.id)).toMatchObject({ autoSent: true, open: true });
    const seen = await (await callerAs(auto.ownerId)).dealer.lead({ leadId: lead.id });
    expect(seen.quotes[0]).toMatchObject({ autoSent: true, inventoryUnit: { id: unit.id } });
  });

  it("runs racing on one lead send exactly one quote", async () => {
    const buyer = await makeCustomer();
    const auto = await autoDealer();
    await stockUnit(auto.id);
    const requestId = await postRequest(buyer.id);
    const lead = await leadOf(requestId, auto.id);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => autoQuoteLead(lead.id)));
    expect(outcomes.filter((o) => "sent" in o)).toHaveLength(1);
    expect(outcomes.filter((o) => "alreadyDone" in o)).toHaveLength(5);
    expect(await quotesOn(lead.id)).toHaveLength(1);
    expect(await db.dealerAutoQuoteDay.findMany({ where: { dealerId: auto.id }, select: { count: true } })).toEqual([{ count: 1 }]);
  });

  it("with no fitting unit sends nothing and says why", async () => {
    const buyer = await makeCustomer();
    const auto = await autoDealer();
    await stockUnit(auto.id, { bodyType: "SEDAN" }); // the buyer wants an SUV
    const requestId = await postRequest(buyer.id);
    const lead = await leadOf(requestId, auto.id);
    expect(await autoQuoteLead(lead.id)).toEqual({ skipped: AUTO_QUOTE_SKIP.noFit });
    expect(await quotesOn(lead.id)).toEqual([]);
    expect(await leadOf(requestId, auto.id)).toMatchObject({ autoQuoteSkip: "no fitting unit", autoQuoteAt: expect.any(Date), status: "NEW" });
    // The dealer's page lists it.
    const page = await (await callerAs(auto.ownerId)).dealer.autoQuote();
    expect(page.skipped.map((l) => [l.id, l.autoQuoteSkip])).toEqual([[lead.id, "no fitting unit"]]);
    expect(page.sentToday).toBe(0);
  });

  it("stops at the daily cap", async () => {
    const auto = await autoDealer({ autoQuoteDailyCap: 1 });
    await stockUnit(auto.id);
    const [r1, r2] = [await postRequest((await makeCustomer()).id), await postRequest((await makeCustomer()).id)];
    const [l1, l2] = [await leadOf(r1, auto.id), await leadOf(r2, auto.id)];
    expect(await autoQuoteLead(l1.id)).toMatchObject({ sent: expect.any(String) });
    expect(await autoQuoteLead(l2.id)).toEqual({ skipped: AUTO_QUOTE_SKIP.capReached });
    expect(await quotesOn(l2.id)).toEqual([]);
    expect(await leadOf(r2, auto.id)).toMatchObject({ autoQuoteSkip: "daily cap reached" });
    expect((await (await callerAs(auto.ownerId)).dealer.autoQuote()).sentToday).toBe(1);
  });

  it("sends nothing to a buyer who muted the dealer", async () => {
    const buyer = await makeCustomer();
    const auto = await autoDealer();
    await stockUnit(auto.id);
    const requestId = await postRequest(buyer.id);
    const lead = await leadOf(requestId, auto.id);
    await (await callerAs(buyer.id)).threads.setBlock({ leadId: lead.id, kind: "MUTE" });
    expect(await autoQuoteLead(lead.id)).toEqual({ skipped: AUTO_QUOTE_SKIP.blocked });
    expect(await quotesOn(lead.id)).toEqual([]);
  });

  it("with the rule off: no job from fan-out, and a job queued before it was turned off sends nothing", async () => {
    const off = await dealerNorthOf(3, { autoQuoteEnabled: false });
    await stockUnit(off.id);
    const r1 = await postRequest((await makeCustomer()).id);
    expect(await autoJobsFor((await leadOf(r1, off.id)).id)).toBe(0);

    const auto = await autoDealer();
    await stockUnit(auto.id);
    const r2 = await postRequest((await makeCustomer()).id);
    const lead = await leadOf(r2, auto.id);
    expect(await autoJobsFor(lead.id)).toBe(1);
    await (await callerAs(auto.ownerId)).dealer.updateAutoQuote({ enabled: false, discountBps: 500, dailyCap: 5 });
    expect(await autoQuoteLead(lead.id)).toEqual({ skipped: AUTO_QUOTE_SKIP.ruleOff });
    expect(await quotesOn(lead.id)).toEqual([]);
  });

  it("a lead the dealer already quoted by hand gets nothing more", async () => {
    const auto = await autoDealer();
    await stockUnit(auto.id);
    const requestId = await postRequest((await makeCustomer()).id);
    const lead = await leadOf(requestId, auto.id);
    await (await callerAs(auto.ownerId)).dealer.pass({ leadId: lead.id });
    expect(await autoQuoteLead(lead.id)).toEqual({ skipped: AUTO_QUOTE_SKIP.answered });
    expect(await quotesOn(lead.id)).toEqual([]);
  });
});

describe("automatic quote settings", () => {
  it("an owner sets them within bounds; staff cannot; each dealer sees only its own", async () => {
    const dealer = await autoDealer({ autoQuoteEnabled: false });
    const owner = await callerAs(dealer.ownerId);
    expect(await owner.dealer.updateAutoQuote({ enabled: true, discountBps: 250, dailyCap: 12 })).toMatchObject({ enabled: true, discountBps: 250, dailyCap: 12, sentToday: 0, skipped: [] });
    expect((await failure(owner.dealer.updateAutoQuote({ enabled: true, discountBps: 2001, dailyCap: 12 }))).code).toBe("BAD_REQUEST");
    expect((await failure(owner.dealer.updateAutoQuote({ enabled: true, discountBps: 100, dailyCap: 0 }))).code).toBe("BAD_REQUEST");
    expect((await failure(owner.dealer.updateAutoQuote({ enabled: true, discountBps: 100, dailyCap: 5, dealerId: "x" } as never))).code).toBe("BAD_REQUEST");

    const staff = await db.user.create({ data: { email: `staff-${Date.now()}@test.keyturn`, name: "Staff", passwordHash: "unused", role: "DEALER", membership: { create: { dealerId: dealer.id, role: "STAFF" } } }, select: { id: true } });
    const asStaff = await callerAs(staff.id);
    expect(await asStaff.dealer.autoQuote()).toMatchObject({ enabled: true, discountBps: 250 });
    expect((await failure(asStaff.dealer.updateAutoQuote({ enabled: false, discountBps: 0, dailyCap: 1 }))).code).toBe("FORBIDDEN");
    expect((await failure((await callerAs((await makeCustomer()).id)).dealer.autoQuote())).code).toBe("FORBIDDEN");
    expect(await db.dealer.findUniqueOrThrow({ where: { id: dealer.id }, select: { autoQuoteEnabled: true, autoQuoteDiscountBps: true, autoQuoteDailyCap: true } })).toEqual({ autoQuoteEnabled: true, autoQuoteDiscountBps: 250, autoQuoteDailyCap: 12 });
  });
});
