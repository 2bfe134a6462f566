import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { drainJobs } from "~/server/jobs/worker";
import { callerAs, makeAdmin, makeCustomer, makeDealer, makeLender } from "../../../test/factories";
import { makePreApproval, makeLead, makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { monthlyPaymentCents } from "~/modules/lending/amortization";
import { setMailerForTests, type Mailer, type OutgoingMail } from "~/modules/notifications/mailer";
import { notify } from "~/modules/notifications/notify";
import { LIVE_SUBSCRIBED } from "~/server/realtime";

describe("inbox", () => {
  it("normalises each quote: best pre-approval, cost of credit, rating, reply time and flags", async () => {
    const customer = await makeCustomer();
    const request = await makeRequest(customer.id);
    const [d1, d2] = [await makeDealer(), await makeDealer()];
    const created = new Date(Date.now() - 90 * 60_000);
    const lead1 = await makeLead(request.id, d1.id, { distanceMiles: 3.5, buyerAlias: "Buyer AAAA", createdAt: created, firstResponseAt: new Date(created.getTime() + 42 * 60_000) });
    const q1 = await makeQuote(request.id, d1.id, { leadId: lead1.id });
    const q2 = await makeQuote(request.id, d2.id, { needsReconfirm: true });
    const [l1, l2] = [await makeLender({ name: "Cheap Credit Union" }), await makeLender({ name: "Dear Bank" })];
    await makePreApproval(q1, l1.id, { aprBps: 599, termMonths: 60 });
    await makePreApproval(q1, l2.id, { aprBps: 899, termMonths: 60 });
    await makePreApproval(q2, l1.id, { status: "PENDING", aprBps: null, termMonths: null });

    // Ratings from an earlier deal feed the dealer's average.
    const past = await makeRequest(customer.id, { status: "ACCEPTED" });
    const pastQuote = await makeQuote(past.id, d1.id, { status: "ACCEPTED" });
    const pastDeal = await db.deal.create({ data: { requestId: past.id, quoteId: pastQuote.id, customerId: customer.id, dealerId: d1.id, quoteVersion: 1, otdCents: 1, outcome: "CONFIRMED", deliveredOn: new Date() } });
    const me = await callerAs(customer.id);
    await me.inbox.rate({ dealId: pastDeal.id, target: "DEALER", stars: 4, comment: "Smooth" });
    await expect(me.inbox.rate({ dealId: pastDeal.id, target: "DEALER", stars: 5 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(me.inbox.rate({ dealId: pastDeal.id, target: "LENDER", stars: 5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const inbox = await me.inbox.get({ requestId: request.id });
    const a = inbox.quotes.find((q) => q.id === q1.id)!;
    expect(a.financing).toMatchObject({ lenderName: "Cheap Credit Union", aprBps: 599, termMonths: 60 });
    expect(a.financing!.monthlyPaymentCents).toBe(monthlyPaymentCents(q1.amountFinancedCents, 599, 60));
    expect(a.financing!.totalOfPaymentsCents).toBe(a.financing!.monthlyPaymentCents * 60);
    expect(a).toMatchObject({ open: true, distanceMiles: 3.5, responseMinutes: 42, dealerRating: 4, dealerRatingCount: 1, lenders: { usable: 2, pending: 0, declined: 0 } });
    const b = inbox.quotes.find((q) => q.id === q2.id)!;
    expect(b).toMatchObject({ open: false, needsReconfirm: true, financing: null, lenders: { pending: 1 } });
    expect(inbox.usableDecisions[q1.id]!.map((d) => d.aprBps)).toEqual([599, 899]);

    const stranger = await callerAs((await makeCustomer()).id);
    await expect(stranger.inbox.get({ requestId: request.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.inbox.rate({ dealId: pastDeal.id, target: "DEALER", stars: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("inbox live stream", () => {
  it("delivers request events to the owner and refuses anyone else", async () => {
    const customer = await makeCustomer();
    const request = await makeRequest(customer.id);
    const dealer = await makeDealer();
    const quote = await makeQuote(request.id, dealer.id);
    const stream = (await (await callerAs(customer.id)).inbox.live({ requestId: request.id })) as AsyncIterable<{ type: string; id?: string }>;
    const it = stream[Symbol.asyncIterator]();
    try {
      // The first event says the stream is listening, so the page refetches anything that landed before.
      expect((await it.next()).value).toMatchObject({ type: LIVE_SUBSCRIBED });
      const shop = await callerAs(dealer.ownerId);
      await shop.threads.dealerSend({ leadId: quote.leadId, body: "ping" });
      expect((await it.next()).value).toMatchObject({ type: "message", id: quote.leadId });
    } finally {
      void it.return?.(undefined);
    }

    const stranger = await callerAs((await makeCustomer()).id);
    const other = (await stranger.inbox.live({ requestId: request.id })) as AsyncIterable<unknown>;
    await expect(other[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("notification email", () => {
  it("writes the outbox row and sends once, respects preferences, and the mail sink is admin-only", async () => {
    const sent: OutgoingMail[] = [];
    const fake: Mailer = { kind: "log", send: async (m) => void sent.push(m) };
    setMailerForTests(fake);
    try {
      const customer = await makeCustomer();
      await db.$transaction((tx) => notify(tx, { userId: customer.id, kind: "quote.new", title: "New quote", body: "A dealer quoted", link: "/customer" }));
      await drainJobs(["notification.email"]);
      await drainJobs(["notification.email"]);
      const rows = await db.outboundEmail.findMany({ where: { to: customer.email } });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.sentAt).not.toBeNull();
      expect(sent.filter((m) => m.to === customer.email)).toHaveLength(1);

      const me = await callerAs(customer.id);
      await me.notifications.updatePreferences({ emailEnabled: true, emailQuotes: false, emailMessages: true });
      await db.$transaction((tx) => notify(tx, { userId: customer.id, kind: "quote.new", title: "Another quote", body: "x" }));
      await drainJobs(["notification.email"]);
      expect(await db.outboundEmail.count({ where: { to: customer.email } })).toBe(1);
      const list = await me.notifications.list();
      expect(list.unread).toBe(2);
      await me.notifications.markRead({});
      expect(await me.notifications.unreadCount()).toBe(0);

      await expect(me.notifications.mailSink()).rejects.toMatchObject({ code: "FORBIDDEN" });
      const admin = await callerAs((await makeAdmin()).id);
      expect((await admin.notifications.mailSink()).some((m) => m.to === customer.email)).toBe(true);
    } finally {
      setMailerForTests(null);
    }
  });
});
