import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { resetRateLimit } from "~/server/rate-limit";
import { subscribe, topics, type LiveEvent } from "~/server/realtime";
import { callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { failure } from "../../../test/marketplace";
import { capWindowStart } from "./cap-window";
import { kitChannel } from "./authorize-dealer-message";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

/** An accepted deal whose delivery the dealer recorded: from here on, the dealer needs a grant to start talking. */
async function delivered() {
  const customer = await makeCustomer();
  const request = await makeRequest(customer.id);
  const dealer = await makeDealer();
  const loser = await makeDealer();
  const quote = await makeQuote(request.id, dealer.id);
  const loserQuote = await makeQuote(request.id, loser.id);
  const me = await callerAs(customer.id);
  const shop = await callerAs(dealer.ownerId);
  await me.inbox.accept({ quoteId: quote.id, version: 1 });
  const deal = await db.deal.findUniqueOrThrow({ where: { requestId: request.id }, select: { id: true } });
  // Set as record-delivery does; these rules only read that it was recorded.
  await db.deal.update({ where: { id: deal.id }, data: { outcome: "CONFIRMED", outcomeRecordedAt: new Date(), deliveredOn: new Date(), priceHonoured: true } });
  await resetRateLimit(`msg:user:${dealer.ownerId}`);
  return { customer, request, dealer, loser, quote, loserQuote, me, shop, deal, leadId: quote.leadId };
}

const give = { topics: ["SERVICE" as const], capCount: 1, capPeriod: "MONTH" as const };
const counts = async (leadId: string, customerId: string) => ({
  messages: await db.message.count({ where: { thread: { leadId } } }),
  uses: await db.accessLog.count({ where: { customerId, channel: { startsWith: "keep-in-touch:" } } }),
  notes: await db.notification.count({ where: { userId: customerId, kind: "keep_in_touch" } }),
});

describe("keep in touch", () => {
  it("before delivery the accepted dealer writes freely; the other dealers' threads stay closed", async () => {
    const customer = await makeCustomer();
    const request = await makeRequest(customer.id);
    const dealer = await makeDealer();
    const loser = await makeDealer();
    const quote = await makeQuote(request.id, dealer.id);
    const loserQuote = await makeQuote(request.id, loser.id);
    await (await callerAs(customer.id)).inbox.accept({ quoteId: quote.id, version: 1 });
    await expect((await callerAs(dealer.ownerId)).threads.dealerSend({ leadId: quote.leadId, body: "See you Saturday." })).resolves.toMatchObject({ body: "See you Saturday." });
    await expect((await callerAs(loser.ownerId)).threads.dealerSend({ leadId: loserQuote.leadId, body: "Still interested?" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("after delivery: no grant means no unsolicited message, but an answer within the window goes", async () => {
    const { customer, shop, me, leadId } = await delivered();
    const before = await counts(leadId, customer.id);
    const err = await failure(shop.threads.dealerSend({ leadId, body: "Time for your first service!", topic: "SERVICE" }));
    expect(err).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/has not given you a keep-in-touch grant/) });
    expect(err.fields.topic).toMatch(/keep-in-touch grant/);
    expect(await counts(leadId, customer.id)).toEqual(before);
    expect(await shop.threads.dealerGet({ leadId })).toMatchObject({ keepInTouch: { needsGrant: true, grant: null } });

    await me.threads.send({ leadId, body: "My check-engine light is on." });
    await expect(shop.threads.dealerSend({ leadId, body: "Bring it in tomorrow." })).resolves.toMatchObject({ body: "Bring it in tomorrow." });
    expect(await shop.threads.dealerGet({ leadId })).toMatchObject({ keepInTouch: { needsGrant: false } });
    // An answer is not a use of any grant.
    expect((await counts(leadId, customer.id)).uses).toBe(0);
  });

  it("a grant allows its topics up to its cap in the calendar window; each use is logged and notified", async () => {
    const { customer, dealer, shop, me, deal, leadId } = await delivered();
    const grant = await me.consent.giveKeepInTouch({ dealId: deal.id, ...give, lastDay: inDays(365) });
    expect(await shop.threads.dealerGet({ leadId })).toMatchObject({ keepInTouch: { needsGrant: true, grant: { topics: ["SERVICE"], capCount: 1, capPeriod: "MONTH", usedThisWindow: 0 } } });

    // No topic, and a topic outside the grant: refused beside the topic, nothing written.
    await expect(shop.threads.dealerSend({ leadId, body: "Hi!" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/Choose what this message is about/) });
    await expect(shop.threads.dealerSend({ leadId, body: "We'd buy your car back.", topic: "TRADE_IN_OFFERS" })).rejects.toMatchObject({ message: expect.stringMatching(/does not cover trade-in offers/) });
    expect(await counts(leadId, customer.id)).toMatchObject({ uses: 0, notes: 0 });

    // A use in the last millisecond of the window before does not count against this one (rows are
    // append-only, so last month's use is written as it would have been, not moved back).
    await db.accessLog.create({
      data: { customerId: customer.id, actorType: "DEALER", actorId: dealer.id, actorLabel: dealer.name, fields: [], purpose: "a service reminder", channel: kitChannel(grant.id), createdAt: new Date(capWindowStart("MONTH", new Date()).getTime() - 1) },
    });
    await shop.threads.dealerSend({ leadId, body: "Your 5,000-mile service is due.", topic: "SERVICE" });
    const log = await db.accessLog.findMany({ where: { customerId: customer.id, channel: kitChannel(grant.id) }, select: { actorId: true, fields: true, purpose: true } });
    expect(log).toEqual([{ actorId: dealer.id, fields: [], purpose: "a service reminder" }, { actorId: dealer.id, fields: [], purpose: "a service reminder" }]);
    const note = await db.notification.findFirstOrThrow({ where: { userId: customer.id, kind: "keep_in_touch" }, select: { id: true, title: true } });
    expect(note.title).toBe(`${dealer.name} sent you a service reminder`);
    expect(await db.job.count({ where: { queue: "notification.email", payload: { equals: { notificationId: note.id } } } })).toBe(1);
    const seen = await me.consent.accessLog({});
    expect(seen.entries[0]!.sentence).toBe(`${dealer.name} sent you a service reminder in your message thread, under the keep-in-touch grant you gave.`);
    const mine = await me.consent.myData();
    expect(mine.keepInTouch).toMatchObject([{ id: grant.id, status: "active", uses: 2, topics: ["SERVICE"], dealerName: dealer.name }]);

    // The second in the same month is over the cap.
    const before = await counts(leadId, customer.id);
    await expect(shop.threads.dealerSend({ leadId, body: "Another reminder.", topic: "SERVICE" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/sent 1 of the 1 message .* per calendar month/) });
    expect(await counts(leadId, customer.id)).toEqual(before);

  });

  it("an ended grant refuses", async () => {
    const { shop, me, deal, leadId } = await delivered();
    const grant = await me.consent.giveKeepInTouch({ dealId: deal.id, ...give, lastDay: inDays(30) });
    await db.keepInTouchGrant.update({ where: { id: grant.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    await expect(shop.threads.dealerSend({ leadId, body: "Recall!", topic: "SERVICE" })).rejects.toMatchObject({ message: expect.stringMatching(/grant ended on/) });
    expect((await me.consent.myData()).keepInTouch[0]).toMatchObject({ status: "expired" });
  });

  it("revoking takes effect at once, pushes the change to the dealer, and the next message is refused", async () => {
    const { dealer, shop, me, deal, leadId } = await delivered();
    const grant = await me.consent.giveKeepInTouch({ dealId: deal.id, topics: ["SERVICE", "RECALLS"], capCount: 4, capPeriod: "WEEK", lastDay: inDays(60) });
    await shop.threads.dealerSend({ leadId, body: "Recall notice for your airbag.", topic: "RECALLS" });
    const heard: LiveEvent[] = [];
    const off = await subscribe(topics.dealer(dealer.id), (e) => heard.push(e));
    try {
      await me.consent.revokeKeepInTouch({ grantId: grant.id });
      await expect.poll(() => heard.filter((e) => e.type === "keep-in-touch.revoked").map((e) => e.id)).toEqual([leadId]);
    } finally {
      off();
    }
    await expect(shop.threads.dealerSend({ leadId, body: "One more.", topic: "RECALLS" })).rejects.toMatchObject({ message: expect.stringMatching(/revoked their keep-in-touch grant/) });
    expect((await me.consent.myData()).keepInTouch[0]).toMatchObject({ status: "revoked", uses: 1 });
    expect(await shop.threads.dealerGet({ leadId })).toMatchObject({ keepInTouch: { needsGrant: true, grant: null } });
  });

  it("another buyer using the same ids gets the same 404 as a missing id, and changes nothing", async () => {
    const { me, deal } = await delivered();
    const grant = await me.consent.giveKeepInTouch({ dealId: deal.id, ...give, lastDay: inDays(90) });
    const stranger = await callerAs((await makeCustomer()).id);
    const shape = async (p: Promise<unknown>) => p.then(() => "ok", (e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
    expect(await shape(stranger.consent.keepInTouch({ dealId: deal.id }))).toEqual(await shape(stranger.consent.keepInTouch({ dealId: "missing" })));
    expect(await shape(stranger.consent.keepInTouch({ dealId: deal.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await shape(stranger.consent.giveKeepInTouch({ dealId: deal.id, ...give, lastDay: inDays(9) }))).toEqual(await shape(stranger.consent.giveKeepInTouch({ dealId: "missing", ...give, lastDay: inDays(9) })));
    expect(await shape(stranger.consent.revokeKeepInTouch({ grantId: grant.id }))).toEqual(await shape(stranger.consent.revokeKeepInTouch({ grantId: "missing" })));
    expect(await shape(stranger.consent.revokeKeepInTouch({ grantId: grant.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.keepInTouchGrant.findMany({ where: { dealId: deal.id }, select: { id: true, revokedAt: true } })).toEqual([{ id: grant.id, revokedAt: null }]);
  });

  it("another dealer's lead is NOT_FOUND, like a missing one", async () => {
    const { leadId } = await delivered();
    const rival = await callerAs((await makeDealer()).ownerId);
    const a = await rival.threads.dealerSend({ leadId, body: "Hi", topic: "SERVICE" }).catch((e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
    const b = await rival.threads.dealerSend({ leadId: "missing", body: "Hi", topic: "SERVICE" }).catch((e: { code: string; message: string }) => ({ code: e.code, message: e.message }));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ code: "NOT_FOUND" });
  });

  it("bad input gets a clear message and changes nothing", async () => {
    const { me, deal, shop, leadId } = await delivered();
    const refuse = (input: Record<string, unknown>) => me.consent.giveKeepInTouch(input as never).then(() => "ok", (e: { code: string; message: string }) => e.code);
    expect(await refuse({ dealId: deal.id, ...give, topics: [], lastDay: inDays(30) })).toBe("BAD_REQUEST");
    expect(await refuse({ dealId: deal.id, ...give, capCount: 9, lastDay: inDays(30) })).toBe("BAD_REQUEST");
    expect(await refuse({ dealId: deal.id, ...give, lastDay: inDays(-2) })).toBe("BAD_REQUEST");
    expect(await refuse({ dealId: deal.id, ...give, lastDay: inDays(800) })).toBe("BAD_REQUEST");
    expect(await refuse({ dealId: deal.id, ...give, lastDay: "next year" })).toBe("BAD_REQUEST");
    // Mass assignment: a dealer id or an earlier revocation cannot be slipped in.
    expect(await refuse({ dealId: deal.id, ...give, lastDay: inDays(30), dealerId: "x", revokedAt: null })).toBe("BAD_REQUEST");
    await expect(shop.threads.dealerSend({ leadId, body: "Hi", topic: "SPAM" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const lastDayErr = (await failure(me.consent.giveKeepInTouch({ dealId: deal.id, ...give, lastDay: inDays(800) }))).fields;
    expect(lastDayErr).toEqual({ lastDay: "Choose a day at most 2 years from today." });
    expect(await db.keepInTouchGrant.count({ where: { dealId: deal.id } })).toBe(0);
  });

  it("new terms replace the live grant", async () => {
    const { me, deal } = await delivered();
    const first = await me.consent.giveKeepInTouch({ dealId: deal.id, ...give, lastDay: inDays(30) });
    const second = await me.consent.giveKeepInTouch({ dealId: deal.id, ...give, capPeriod: "QUARTER", lastDay: inDays(30) });
    const rows = await db.keepInTouchGrant.findMany({ where: { dealId: deal.id }, select: { id: true, revokedAt: true }, orderBy: { createdAt: "asc" } });
    expect(rows).toEqual([{ id: first.id, revokedAt: expect.any(Date) }, { id: second.id, revokedAt: null }]);
    expect((await me.consent.keepInTouch({ dealId: deal.id })).grant).toMatchObject({ id: second.id, capPeriod: "QUARTER" });
  });
});
