import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { resetRateLimit } from "~/server/rate-limit";
import { callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { makeLead, makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { MESSAGE_LIMIT } from "~/modules/messaging/send-message";

async function setup() {
  const customer = await makeCustomer({ firstName: "Zelda", lastName: "Quixote", phone: "555-0199", street: "77 Secret Lane" });
  const request = await makeRequest(customer.id);
  const dealer = await makeDealer();
  const other = await makeDealer();
  const quote = await makeQuote(request.id, dealer.id);
  const lead = await db.lead.findUniqueOrThrow({ where: { id: quote.leadId }, select: { id: true, buyerAlias: true } });
  const otherLead = await makeLead(request.id, other.id);
  return { customer, request, dealer, other, quote, lead, otherLead };
}

const PII = (email: string) => new RegExp(["Zelda", "Quixote", "555-0199", "Secret Lane", email.replace(/[.+]/g, "\\$&")].join("|"), "i");

describe("threads", () => {
  it("customer and dealer talk on a lead; the dealer sees only the alias, with unread counts both ways", async () => {
    const { customer, request, dealer, other, lead, otherLead } = await setup();
    const me = await callerAs(customer.id);
    const shop = await callerAs(dealer.ownerId);

    await me.threads.send({ leadId: lead.id, body: "Is the RAV4 still available?" });
    expect(await shop.threads.dealerUnread({ leadIds: [lead.id] })).toEqual({ [lead.id]: 1 });
    // Only the leads asked about are counted, and only the dealer's own.
    expect(await shop.threads.dealerUnread({ leadIds: [] })).toEqual({});
    const rival = await callerAs(other.ownerId);
    expect(await rival.threads.dealerUnread({ leadIds: [lead.id, otherLead.id] })).toEqual({});
    const dealerView = await shop.threads.dealerGet({ leadId: lead.id });
    expect(dealerView.messages[0]).toMatchObject({ author: lead.buyerAlias, body: "Is the RAV4 still available?", mine: false });
    expect(JSON.stringify(dealerView)).not.toMatch(PII(customer.email));
    expect(JSON.stringify(await shop.threads.dealerUnread({ leadIds: [lead.id] }))).not.toMatch(PII(customer.email));

    await shop.threads.dealerMarkRead({ leadId: lead.id });
    expect(await shop.threads.dealerUnread({ leadIds: [lead.id] })).toEqual({});

    await shop.threads.dealerSend({ leadId: lead.id, body: "Yes, on the lot today." });
    expect(await me.threads.unread({ requestId: request.id })).toEqual({ [lead.id]: 1 });
    const mine = await me.threads.get({ leadId: lead.id });
    expect(mine.youAppearAs).toBe(lead.buyerAlias);
    expect(mine.messages.map((m) => m.author)).toEqual(["You", expect.stringMatching(/^Dealer /)]);
    // The customer hears about it in-app (email goes through the outbox job).
    expect(await db.notification.count({ where: { userId: customer.id, kind: "message" } })).toBe(1);
    await me.threads.markRead({ leadId: lead.id });
    expect(await me.threads.unread({ requestId: request.id })).toEqual({});
  });

  it("a dealer cannot read or write another dealer's lead, and a customer cannot open another customer's thread", async () => {
    const { other, lead } = await setup();
    const rival = await callerAs(other.ownerId);
    await expect(rival.threads.dealerGet({ leadId: lead.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rival.threads.dealerSend({ leadId: lead.id, body: "psst" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stranger = await callerAs((await makeCustomer()).id);
    await expect(stranger.threads.get({ leadId: lead.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.threads.send({ leadId: lead.id, body: "hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.message.count({ where: { thread: { leadId: lead.id } } })).toBe(0);
  });

  it("throttles sending", async () => {
    const { dealer, lead } = await setup();
    const shop = await callerAs(dealer.ownerId);
    await resetRateLimit(`msg:user:${dealer.ownerId}`);
    for (let i = 0; i < MESSAGE_LIMIT.count; i++) await shop.threads.dealerSend({ leadId: lead.id, body: `msg ${i}` });
    await expect(shop.threads.dealerSend({ leadId: lead.id, body: "one too many" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await db.message.count({ where: { thread: { leadId: lead.id } } })).toBe(MESSAGE_LIMIT.count);
  });

  it("mute keeps messages but stops pings; block stops messages", async () => {
    const { customer, dealer, lead } = await setup();
    const me = await callerAs(customer.id);
    const shop = await callerAs(dealer.ownerId);
    await me.threads.setBlock({ leadId: lead.id, kind: "MUTE" });
    await shop.threads.dealerSend({ leadId: lead.id, body: "Still there?" });
    expect(await db.notification.count({ where: { userId: customer.id } })).toBe(0);

    await me.threads.setBlock({ leadId: lead.id, kind: "BLOCK" });
    expect(await db.dealerBlock.findFirst({ where: { customerId: customer.id, dealerId: dealer.id }, select: { kind: true } })).toEqual({ kind: "BLOCK" });
    await expect(shop.threads.dealerSend({ leadId: lead.id, body: "Hello??" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await shop.threads.dealerGet({ leadId: lead.id })).canWrite).toBe(false);

    await me.threads.setBlock({ leadId: lead.id, kind: null });
    await shop.threads.dealerSend({ leadId: lead.id, body: "Thanks for unblocking" });
  });

  it("rejects extra fields and empty bodies", async () => {
    const { customer, lead } = await setup();
    const me = await callerAs(customer.id);
    await expect(me.threads.send({ leadId: lead.id, body: "x", senderType: "DEALER" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.threads.send({ leadId: lead.id, body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("after acceptance the losing dealer's thread is read-only and the winner sees the buyer's contact; the loser does not", async () => {
    const { customer, dealer, other, quote, otherLead, lead } = await setup();
    const me = await callerAs(customer.id);
    await me.inbox.accept({ quoteId: quote.id, version: 1 });
    const loser = await callerAs(other.ownerId);
    const winner = await callerAs(dealer.ownerId);
    const loserView = await loser.threads.dealerGet({ leadId: otherLead.id });
    expect(loserView).toMatchObject({ canWrite: false, closed: true });
    await expect(loser.threads.dealerSend({ leadId: otherLead.id, body: "Last chance!" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(loser.inbox.buyerContact({ leadId: otherLead.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await winner.inbox.buyerContact({ leadId: lead.id })).toMatchObject({ state: "shared", contact: { firstName: "Zelda", lastName: "Quixote", email: customer.email, phone: "555-0199" } });
    expect(await db.accessLog.count({ where: { customerId: customer.id, actorId: dealer.id } })).toBe(1);
    await winner.threads.dealerSend({ leadId: lead.id, body: "Congratulations! See you Saturday." });
  });

  it("before acceptance, a message with a phone number or email is held until the buyer confirms, then sent exactly as written", async () => {
    const { customer, quote, lead } = await setup();
    const me = await callerAs(customer.id);
    const body = "Text me at 602-555-0142 or zelda@example.com";
    const held = await me.threads.send({ leadId: lead.id, body }).then(() => null, (e: { code: string; message: string }) => e);
    expect(held).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("This will share your contact details with a dealer you have not chosen.") });
    expect(await db.message.count({ where: { thread: { leadId: lead.id } } })).toBe(0);

    await me.threads.send({ leadId: lead.id, body, shareContact: true });
    expect((await db.message.findFirstOrThrow({ where: { thread: { leadId: lead.id } }, select: { body: true } })).body).toBe(body);

    // After acceptance the winning dealer has the contact details already: no confirmation needed.
    await me.inbox.accept({ quoteId: quote.id, version: 1 });
    await me.threads.send({ leadId: lead.id, body: "My cell is 602 555 0142." });
    expect(await db.message.count({ where: { thread: { leadId: lead.id } } })).toBe(2);
  });
});
