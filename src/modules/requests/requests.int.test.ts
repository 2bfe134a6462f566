import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { createRequest } from "./create-request";
import { creditShareText } from "~/modules/consent/texts";
import { callerAs, makeCustomer } from "../../../test/factories";
import { baseRequest, dealerNorthOf, failure, postRequest, quoteInput } from "../../../test/marketplace";

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));
const fieldsOf = async (p: Promise<unknown>) => (await failure(p)).fields;

describe("posting a request", () => {
  it("stores the request with the credit band, the consent and grant, and enqueues the fan-out in one go", async () => {
    const buyer = await makeCustomer({ creditTier: "PRIME" });
    const caller = await callerAs(buyer.id);
    const { id } = await caller.requests.create({ ...baseRequest, shareCredit: true });
    const r = await db.request.findUniqueOrThrow({ where: { id } });
    expect(r).toMatchObject({ customerId: buyer.id, status: "OPEN", creditTier: "PRIME", city: "Rapid City", state: "SD", version: 1 });
    expect(r.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    const grant = await db.consentGrant.findFirstOrThrow({ where: { requestId: id }, include: { consent: true } });
    expect(grant).toMatchObject({ customerId: buyer.id, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT", "INCOME"], purpose: `Pre-approval for request ${id}` });
    expect(grant.expiresAt).toEqual(r.expiresAt);
    expect(grant.consent).toMatchObject({ userId: buyer.id, kind: "CREDIT_SHARE", requestId: id, textVersion: "credit-share-2026-12", textShown: creditShareText("ALL") });
    expect(await db.job.count({ where: { queue: "request.fan-out", payload: { equals: { requestId: id } } } })).toBe(1);
  });

  it("takes 20 requests an hour from one buyer; the 21st is refused with a wait and writes nothing", async () => {
    const buyer = await makeCustomer();
    for (let i = 0; i < 20; i++) await createRequest(buyer.id, baseRequest);
    const refused = await createRequest(buyer.id, baseRequest).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(3000);
    expect(await db.request.count({ where: { customerId: buyer.id } })).toBe(20);
  });

  it("writes no consent when the box is not ticked", async () => {
    const buyer = await makeCustomer();
    const { id } = await (await callerAs(buyer.id)).requests.create(baseRequest);
    expect(await db.consentGrant.count({ where: { requestId: id } })).toBe(0);
  });

  it("rejects inconsistent budgets, unknown ZIPs and bad years next to their fields, storing nothing", async () => {
    const buyer = await makeCustomer();
    const caller = await callerAs(buyer.id);
    expect(await fieldsOf(caller.requests.create({ ...baseRequest, maxPriceCents: undefined, maxMonthlyCents: 50_000 }))).toMatchObject({ termMonths: "A monthly target needs a loan term." });
    expect(await fieldsOf(caller.requests.create({ ...baseRequest, downPaymentCents: 5_000_000 }))).toMatchObject({ downPaymentCents: expect.stringMatching(/cannot be more/) });
    expect(await fieldsOf(caller.requests.create({ ...baseRequest, maxPriceCents: undefined }))).toMatchObject({ maxPriceCents: expect.any(String) });
    expect(await fieldsOf(caller.requests.create({ ...baseRequest, yearMin: 2024, yearMax: 2020 }))).toMatchObject({ yearMax: expect.any(String) });
    expect(await fieldsOf(caller.requests.create({ ...baseRequest, zip: "00000" }))).toEqual({ zip: "We could not find that ZIP code." });
    expect(await fieldsOf(caller.requests.create({ ...baseRequest, tradeInYear: 2015 }))).toMatchObject({ tradeInMake: expect.any(String) });
    expect(await db.request.count({ where: { customerId: buyer.id } })).toBe(0);
  });

  it("refuses extra fields (mass assignment)", async () => {
    const buyer = await makeCustomer();
    const caller = await callerAs(buyer.id);
    for (const extra of [{ status: "ACCEPTED" }, { customerId: "someone-else" }, { matchedCount: 99 }, { creditTier: "SUPER_PRIME" }]) {
      expect(await codeOf(caller.requests.create({ ...baseRequest, ...extra } as typeof baseRequest))).toBe("BAD_REQUEST");
    }
    expect(await db.request.count({ where: { customerId: buyer.id } })).toBe(0);
  });

  it("is only for customers, and another customer's request is NOT_FOUND", async () => {
    const [a, b] = await Promise.all([makeCustomer(), makeCustomer()]);
    const dealer = await dealerNorthOf(50);
    expect(await codeOf((await callerAs(dealer.ownerId)).requests.create(baseRequest as never))).toBe("FORBIDDEN");
    const id = await postRequest(a.id);
    const other = await callerAs(b.id);
    expect(await codeOf(other.requests.get({ requestId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.requests.cancel({ requestId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.requests.update({ ...baseRequest, shareCredit: undefined, requestId: id } as never))).toBe("BAD_REQUEST");
    const { shareCredit: _s, ...fields } = baseRequest;
    expect(await codeOf(other.requests.update({ ...fields, requestId: id }))).toBe("NOT_FOUND");
  });
});

describe("editing, cancelling and expiry", () => {
  it("editing bumps the version and flags every live quote for re-confirmation", async () => {
    const buyer = await makeCustomer();
    const dealer = await dealerNorthOf(3);
    const requestId = await postRequest(buyer.id);
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } } });
    const dealerCaller = await callerAs(dealer.ownerId);
    const quote = await dealerCaller.dealer.submitQuote(quoteInput(lead.id));
    const { shareCredit: _s, ...fields } = baseRequest;
    const res = await (await callerAs(buyer.id)).requests.update({ ...fields, requestId, maxPriceCents: 4_500_000 });
    expect(res.version).toBe(2);
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.id }, select: { needsReconfirm: true } })).toEqual({ needsReconfirm: true });
    expect(await db.notification.count({ where: { userId: dealer.ownerId, kind: "quote.needs-reconfirm" } })).toBe(1);
    // Re-confirming is a revision against the new version.
    const { leadId: _l, ...quoteFields } = quoteInput(lead.id);
    const revised = await dealerCaller.dealer.reviseQuote({ ...quoteFields, quoteId: quote.id, version: 1 });
    expect(revised.version).toBe(2);
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.id }, select: { needsReconfirm: true, requestVersion: true } })).toEqual({ needsReconfirm: false, requestVersion: 2 });
  });

  it("a lead carries its request's body type: fan-out writes it, an edit changes it, and the dealer's filter follows", async () => {
    const buyer = await makeCustomer();
    const dealer = await dealerNorthOf(3, { bodyTypes: ["SUV", "TRUCK"] });
    const requestId = await postRequest(buyer.id);
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } }, select: { id: true, bodyType: true } });
    expect(lead.bodyType).toBe("SUV");
    const dealerCaller = await callerAs(dealer.ownerId);
    const shown = async (bodyType: "SUV" | "TRUCK") => (await dealerCaller.dealer.leads({ status: "ALL", bodyType })).items.map((l) => l.id);
    expect(await shown("SUV")).toContain(lead.id);
    const { shareCredit: _s, ...fields } = baseRequest;
    await (await callerAs(buyer.id)).requests.update({ ...fields, requestId, bodyType: "TRUCK" });
    expect(await shown("SUV")).not.toContain(lead.id);
    expect(await shown("TRUCK")).toContain(lead.id);
  });

  it("cancelling closes the leads and declines live quotes", async () => {
    const buyer = await makeCustomer();
    const dealer = await dealerNorthOf(3);
    const requestId = await postRequest(buyer.id);
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } } });
    const quote = await (await callerAs(dealer.ownerId)).dealer.submitQuote(quoteInput(lead.id));
    await (await callerAs(buyer.id)).requests.cancel({ requestId });
    expect(await db.lead.findMany({ where: { requestId }, select: { status: true }, distinct: ["status"] })).toEqual([{ status: "CLOSED" }]);
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe("DECLINED");
    expect(await db.job.count({ where: { queue: "lending.cancel-quote", payload: { equals: { quoteId: quote.id } } } })).toBe(1);
    expect(await codeOf((await callerAs(buyer.id)).requests.cancel({ requestId }))).toBe("CONFLICT");
  });

  it("a request past its date reads as expired and takes no quotes", async () => {
    const buyer = await makeCustomer();
    const dealer = await dealerNorthOf(3);
    const requestId = await postRequest(buyer.id);
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } } });
    await db.request.update({ where: { id: requestId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const list = await (await callerAs(buyer.id)).requests.list();
    expect(list.find((r) => r.id === requestId)?.status).toBe("EXPIRED");
    expect(await codeOf((await callerAs(dealer.ownerId)).dealer.submitQuote(quoteInput(lead.id)))).toBe("CONFLICT");
  });
});
