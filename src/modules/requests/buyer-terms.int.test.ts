// The buyer's own terms against PostgreSQL: every way of quoting refuses a quote that breaks them (the
// form's tRPC procedure, a revision, the dealer API over real HTTP, the automatic rule), editing them flags
// open quotes, matching skips a dealer whose fixed doc fee is above the cap, and "thread only" shares nothing.
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { createOwnedApiKey } from "~/modules/lender-api/api-keys";
import { withCheckDigit } from "~/modules/vehicles/vin";
import { AUTO_QUOTE_SKIP } from "~/modules/quotes/auto-quote-labels";
import { autoQuoteLead } from "~/modules/quotes/auto-quote.job";
import { callerAs, makeCustomer } from "../../../test/factories";
import { baseRequest, dealerNorthOf, failure, postRequest, quoteInput } from "../../../test/marketplace";
import { useApiServer } from "../../../test/api-server";

const DAY = 86_400_000;
const api = useApiServer();

const ALL_TERMS = { noAddOns: true, maxFeesCents: 50_000, minValidDays: 10, inStockOnly: true };

async function market(terms: Record<string, unknown> = ALL_TERMS) {
  const buyer = await makeCustomer();
  const dealer = await dealerNorthOf(4);
  const requestId = await postRequest(buyer.id, terms);
  const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } }, select: { id: true } });
  return { buyer, dealer, requestId, leadId: lead.id, dealerCaller: await callerAs(dealer.ownerId), buyerCaller: await callerAs(buyer.id) };
}

/** A quote that keeps ALL_TERMS: no add-ons, $450 of fees, valid 12 days, in stock. */
const keeping = (leadId: string, over: Record<string, unknown> = {}) => quoteInput(leadId, { feesCents: 45_000, validUntil: new Date(Date.now() + 12 * DAY), ...over });
const { leadId: _drop, ...keepingFields } = keeping("x");

const post = async (path: string, key: string, body: unknown) => {
  const res = await fetch(`${api.base()}${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};
const apiBody = (over: Record<string, unknown> = {}) => ({ ...keepingFields, validUntil: new Date(Date.now() + 12 * DAY).toISOString(), ...over });

describe("the buyer's terms", () => {
  it("are stored with the request and shown to the dealer on the lead", async () => {
    const { requestId, leadId, dealerCaller, buyerCaller } = await market({ ...ALL_TERMS, threadOnly: true });
    expect((await buyerCaller.requests.get({ requestId }))).toMatchObject({ noAddOns: true, maxFeesCents: 50_000, minValidDays: 10, threadOnly: true, inStockOnly: true });
    expect((await dealerCaller.dealer.lead({ leadId })).request).toMatchObject({ noAddOns: true, maxFeesCents: 50_000, minValidDays: 10, threadOnly: true, inStockOnly: true });
  });

  it("refuse, over tRPC, a quote that breaks any of them, each on its line, and store nothing", async () => {
    const { leadId, dealerCaller } = await market();
    const broken = await failure(dealerCaller.dealer.submitQuote(quoteInput(leadId, { addOnsCents: 89_500, feesCents: 89_900, inStock: false })));
    expect(broken).toMatchObject({
      code: "BAD_REQUEST",
      message: "This quote breaks 4 of the buyer's terms.",
      fields: {
        addOnsCents: "The buyer asked for no add-ons. Set add-ons to $0.",
        feesCents: "The buyer accepts dealer fees of at most $500.",
        validUntil: expect.stringMatching(/^The buyer asked for a quote valid for at least 10 days: until /),
        inStock: "The buyer wants a car that is in stock now.",
      },
    });
    const one = await failure(dealerCaller.dealer.submitQuote(keeping(leadId, { addOnsCents: 100 })));
    expect(one).toMatchObject({ code: "BAD_REQUEST", message: "The buyer asked for no add-ons. Set add-ons to $0.", fields: { addOnsCents: expect.any(String) } });
    expect(Object.keys(one.fields)).toEqual(["addOnsCents"]);
    expect(await db.quote.count({ where: { leadId } })).toBe(0);
    expect((await db.lead.findUniqueOrThrow({ where: { id: leadId }, select: { status: true } })).status).not.toBe("QUOTED");

    const ok = await dealerCaller.dealer.submitQuote(keeping(leadId));
    expect(ok.otdCents).toBe(3_450_000 + 45_000 - 100_000 + 240_000);
  });

  it("another dealer gets the same 404 for this lead as for a missing one, with or without a compliant quote", async () => {
    const { leadId } = await market();
    const stranger = await dealerNorthOf(400);
    const caller = await callerAs(stranger.ownerId);
    const theirs = await failure(caller.dealer.submitQuote(keeping(leadId)));
    const missing = await failure(caller.dealer.submitQuote(keeping("clmissing00000000000000000")));
    expect(theirs).toEqual({ code: "NOT_FOUND", message: "Lead not found.", fields: {} });
    expect(missing).toEqual(theirs);
    expect(await db.quote.count({ where: { leadId } })).toBe(0);
  });

  it("editing them flags the open quote; re-confirming it as it was is refused where it breaks the new terms", async () => {
    const { requestId, leadId, dealerCaller, buyerCaller } = await market({});
    const q = await dealerCaller.dealer.submitQuote(quoteInput(leadId, { addOnsCents: 59_500 }));
    const { shareCredit: _s, ...fields } = baseRequest;
    // Another buyer cannot set terms on this request: the same 404 as a missing id, and nothing changes.
    const other = await callerAs((await makeCustomer()).id);
    const theirs = await failure(other.requests.update({ ...fields, requestId, noAddOns: true }));
    expect(theirs).toEqual({ code: "NOT_FOUND", message: "Request not found.", fields: {} });
    expect(await failure(other.requests.update({ ...fields, requestId: "clmissing00000000000000000", noAddOns: true }))).toEqual(theirs);
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { noAddOns: true, version: true } })).toEqual({ noAddOns: false, version: 1 });

    const edited = await buyerCaller.requests.update({ ...fields, requestId, noAddOns: true });
    expect(edited.flaggedQuotes).toBe(1);
    expect(await db.quote.findUniqueOrThrow({ where: { id: q.id }, select: { needsReconfirm: true } })).toEqual({ needsReconfirm: true });

    const { leadId: _l, ...same } = quoteInput(leadId, { addOnsCents: 59_500 });
    const asIs = await failure(dealerCaller.dealer.reviseQuote({ ...same, quoteId: q.id, version: 1 }));
    expect(asIs).toMatchObject({ code: "BAD_REQUEST", fields: { addOnsCents: "The buyer asked for no add-ons. Set add-ons to $0." } });
    expect(await db.quote.findUniqueOrThrow({ where: { id: q.id }, select: { needsReconfirm: true, version: true, addOnsCents: true } })).toEqual({ needsReconfirm: true, version: 1, addOnsCents: 59_500 });

    const revised = await dealerCaller.dealer.reviseQuote({ ...same, addOnsCents: 0, quoteId: q.id, version: 1 });
    expect(revised.version).toBe(2);
    expect(await db.quote.findUniqueOrThrow({ where: { id: q.id }, select: { needsReconfirm: true, addOnsCents: true } })).toEqual({ needsReconfirm: false, addOnsCents: 0 });
  });

  it("bad terms get a clear message and post nothing", async () => {
    const buyer = await makeCustomer();
    const caller = await callerAs(buyer.id);
    const before = await db.request.count({ where: { customerId: buyer.id } });
    const bad = await failure(caller.requests.create({ ...baseRequest, minValidDays: 45, maxFeesCents: -1 }));
    expect(bad).toMatchObject({ code: "BAD_REQUEST", fields: { minValidDays: "At most 30 days: quotes last 60 days at most, and prices move.", maxFeesCents: "Fee limit cannot be negative." } });
    expect(await db.request.count({ where: { customerId: buyer.id } })).toBe(before);
  });
});

describe("the dealer quote API keeps the buyer's terms", () => {
  it("refuses a breaking quote with 400 naming the line, sends a keeping one with 201, and a test key stores nothing", async () => {
    const { dealer, leadId } = await market();
    const live = (await createOwnedApiKey({ dealerId: dealer.id }, { name: "DMS", mode: "LIVE" })).secret;
    const test = (await createOwnedApiKey({ dealerId: dealer.id }, { name: "DMS test", mode: "TEST" })).secret;

    const broken = await post(`/leads/${leadId}/quotes`, live, apiBody({ addOnsCents: 89_500 }));
    expect(broken).toEqual({ status: 400, body: { error: { code: "invalid_request", message: "addOnsCents: The buyer asked for no add-ons. Set add-ons to $0." } } });
    const invalid = await post(`/leads/${leadId}/quotes`, live, apiBody({ validUntil: "next week" }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.message).toMatch(/^validUntil: /);
    expect(await db.quote.count({ where: { leadId } })).toBe(0);

    const dry = await post(`/leads/${leadId}/quotes`, test, apiBody());
    expect(dry).toMatchObject({ status: 200, body: { dryRun: true, otdCents: 3_635_000 } });
    expect(await db.quote.count({ where: { leadId } })).toBe(0);

    const sent = await post(`/leads/${leadId}/quotes`, live, apiBody());
    expect(sent).toMatchObject({ status: 201, body: { dryRun: false, version: 1, otdCents: 3_635_000 } });
    expect(await db.quote.findUniqueOrThrow({ where: { id: sent.body.id }, select: { leadId: true, addOnsCents: true, feesCents: true } })).toEqual({ leadId, addOnsCents: 0, feesCents: 45_000 });
    // A retry after a lost response cannot send a second quote.
    expect((await post(`/leads/${leadId}/quotes`, live, apiBody())).status).toBe(409);
  });

  it("another dealer's key gets the same 404 for this lead as for a missing one", async () => {
    const { leadId } = await market();
    const stranger = await dealerNorthOf(400);
    const key = (await createOwnedApiKey({ dealerId: stranger.id }, { name: "DMS", mode: "LIVE" })).secret;
    const theirs = await post(`/leads/${leadId}/quotes`, key, apiBody());
    const missing = await post(`/leads/clmissing00000000000000000/quotes`, key, apiBody());
    expect(theirs).toEqual({ status: 404, body: { error: { code: "not_found", message: "Lead not found." } } });
    expect(missing).toEqual(theirs);
    expect(await db.quote.count({ where: { leadId } })).toBe(0);
  });
});

describe("the automatic quote keeps the buyer's terms", () => {
  it("sends nothing when the dealer's standard lines break them, and says why on the lead", async () => {
    const buyer = await makeCustomer();
    const auto = await dealerNorthOf(3, { autoQuoteEnabled: true, autoQuoteDailyCap: 5, addOnsCents: 89_500, addOnsLabel: "Tint and mats" });
    await db.inventoryUnit.create({
      data: { dealerId: auto.id, vin: withCheckDigit("JTMB1RFV0S7000011"), condition: "NEW", year: 2025, make: "Toyota", model: "RAV4", trim: "XLE", bodyType: "SUV", mileage: 8, priceCents: 3_000_000, features: [] },
    });
    const requestId = await postRequest(buyer.id, { noAddOns: true });
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: auto.id } }, select: { id: true } });
    expect(await autoQuoteLead(lead.id)).toEqual({ skipped: AUTO_QUOTE_SKIP.buyerTerms });
    expect(await db.quote.count({ where: { leadId: lead.id } })).toBe(0);
    expect(await db.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { autoQuoteSkip: true } })).toEqual({ autoQuoteSkip: "breaks the buyer's terms" });
    // The daily cap was not used up by a quote that was never sent.
    expect(await db.dealerAutoQuoteDay.count({ where: { dealerId: auto.id } })).toBe(0);
  });
});

describe("a one-click quote from stock keeps the buyer's terms", () => {
  it("is refused with a sentence that says which term and where to change it, and sends nothing", async () => {
    const buyer = await makeCustomer();
    const dealer = await dealerNorthOf(3, { addOnsCents: 89_500, addOnsLabel: "Tint and mats" });
    const unit = await db.inventoryUnit.create({
      data: { dealerId: dealer.id, vin: withCheckDigit("JTMB1RFV0S7000022"), condition: "NEW", year: 2025, make: "Toyota", model: "RAV4", trim: "XLE", bodyType: "SUV", mileage: 8, priceCents: 3_000_000, features: [] },
      select: { id: true },
    });
    const requestId = await postRequest(buyer.id, { noAddOns: true });
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } }, select: { id: true } });
    const caller = await callerAs(dealer.ownerId);
    const refused = await failure(caller.dealer.sendQuoteFromUnit({ leadId: lead.id, unitId: unit.id }));
    expect(refused).toEqual({ code: "BAD_REQUEST", message: 'Not sent: The buyer asked for no add-ons. Set add-ons to $0. Use "Fill the form" on this unit to change the line.', fields: {} });
    expect(await db.quote.count({ where: { leadId: lead.id } })).toBe(0);
  });
});

describe("matching and the buyer's fee cap", () => {
  it("skips a dealer whose fixed doc fee is above the cap, in fan-out and in the reach preview; others still get the lead", async () => {
    const buyer = await makeCustomer();
    const fixed = await dealerNorthOf(2, { docFeeCents: 59_900, docFeeFixed: true });
    const flexible = await dealerNorthOf(2, { docFeeCents: 59_900 });
    const cheap = await dealerNorthOf(2, { docFeeCents: 19_900, docFeeFixed: true });
    const ids = [fixed.id, flexible.id, cheap.id];
    const caller = await callerAs(buyer.id);
    const reach = (max?: number) => caller.requests.reach({ bodyType: "SUV", condition: "NEW", makes: ["Toyota"], maxPriceCents: 4_000_000, downPaymentCents: 0, zip: baseRequest.zip, radiusMiles: 25, ...(max != null ? { maxFeesCents: max } : {}) });
    const [all, capped] = [await reach(), await reach(30_000)];
    expect(all.found && capped.found && all.dealers - capped.dealers).toBe(1);

    const requestId = await postRequest(buyer.id, { maxFeesCents: 30_000 });
    const leads = await db.lead.findMany({ where: { requestId, dealerId: { in: ids } }, select: { dealerId: true } });
    expect(leads.map((l) => l.dealerId).sort()).toEqual([flexible.id, cheap.id].sort());
    const uncapped = await postRequest(buyer.id);
    expect(await db.lead.count({ where: { requestId: uncapped, dealerId: { in: ids } } })).toBe(3);
  });
});

describe("contact only through the thread", () => {
  it("accepting shares nothing: no contact grant, no CRM resend, and the dealer reads 'thread only' with nothing logged", async () => {
    const { buyer, leadId, dealerCaller, buyerCaller, requestId } = await market({ threadOnly: true });
    const q = await dealerCaller.dealer.submitQuote(quoteInput(leadId));
    await buyerCaller.inbox.accept({ quoteId: q.id, version: 1, preApprovalId: null });
    expect(await db.consentGrant.count({ where: { customerId: buyer.id, requestId, granteeType: "DEALER" } })).toBe(0);
    expect(await db.job.count({ where: { queue: { startsWith: "crm." }, payload: { path: ["leadId"], equals: leadId } } })).toBe(0);
    expect(await dealerCaller.inbox.buyerContact({ leadId })).toEqual({ state: "thread-only" });
    expect(await db.accessLog.count({ where: { customerId: buyer.id, fields: { has: "CONTACT" } } })).toBe(0);
    // The thread stays open for both.
    await dealerCaller.threads.dealerSend({ leadId, body: "Your car is ready Saturday." });
  });

  it("without the term, accepting grants the contact as before", async () => {
    const { buyer, leadId, dealerCaller, buyerCaller, requestId } = await market({});
    const q = await dealerCaller.dealer.submitQuote(quoteInput(leadId));
    await buyerCaller.inbox.accept({ quoteId: q.id, version: 1, preApprovalId: null });
    expect(await db.consentGrant.count({ where: { customerId: buyer.id, requestId, granteeType: "DEALER", fields: { has: "CONTACT" } } })).toBe(1);
    expect((await dealerCaller.inbox.buyerContact({ leadId })).state).toBe("shared");
  });
});
