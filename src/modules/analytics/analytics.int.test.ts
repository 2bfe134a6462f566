import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { revokeGrant } from "~/modules/consent/revoke-grant";
import { callerAs, makeAdmin, makeCustomer, makeDealer, makeLender } from "../../../test/factories";
import { makeGrant } from "../../../test/consent-helpers";
import { makeLead, makePreApproval, makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { failure } from "../../../test/marketplace";
import { getDealerAnalytics } from "./get-dealer-analytics";
import { listDealerCustomers } from "./list-dealer-customers";
import { MARKET_REFRESH_MS, marketByMetro, marketView, refreshMarketSnapshot } from "./market-by-metro";

// A fixed Wednesday: the current week starts Monday 2026-12-07 00:00 UTC.
const NOW = new Date("2026-12-09T12:00:00Z");
const at = (iso: string) => new Date(iso);
const plusMin = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

type LeadOver = Parameters<typeof makeLead>[2];

/** A request from the buyer and this dealer's lead on it; with `quote`, a quote; with `deal`, the accepted deal. */
async function leadRow(customerId: string, dealerId: string, lead: LeadOver, opts: { preApproval?: "APPROVED" | "CONDITIONAL" | "DECLINED"; lenderId?: string; deal?: Partial<Parameters<typeof db.deal.create>[0]["data"]> & { createdAt: Date } } = {}) {
  const request = await makeRequest(customerId, opts.deal ? { status: "ACCEPTED" } : {});
  const l = await makeLead(request.id, dealerId, lead);
  if (!lead?.firstQuoteAt && !opts.deal) return { lead: l, requestId: request.id };
  const quote = await makeQuote(request.id, dealerId, { leadId: l.id });
  if (opts.preApproval) await makePreApproval(quote, opts.lenderId!, { status: opts.preApproval });
  if (opts.deal) {
    await db.deal.create({ data: { requestId: request.id, quoteId: quote.id, customerId, dealerId, quoteVersion: 1, otdCents: 3_000_000, ...opts.deal } as never, select: { id: true } });
  }
  return { lead: l, requestId: request.id };
}

describe("dealer analytics", () => {
  it("speed by week, funnel, and return match hand-computed rows of this dealer only", async () => {
    const [a, b, c] = [await makeCustomer(), await makeCustomer(), await makeCustomer()];
    const dealer = await makeDealer({ pricePerDealCents: 30_000 });
    const other = await makeDealer();
    const lender = await makeLender();
    const t = at("2026-12-07T10:00:00Z");
    // This week: L1 answered in 2 min, approved, won, delivered; L2 answered (a message) in 10 min, quoted at
    // 20, conditionally approved, won, not delivered yet; L3 opened and passed; L4 never opened.
    const l1 = await leadRow(a.id, dealer.id, { createdAt: t, viewedAt: plusMin(t, 1), firstResponseAt: plusMin(t, 2), firstQuoteAt: plusMin(t, 2), status: "WON" }, {
      preApproval: "APPROVED", lenderId: lender.id,
      deal: { createdAt: at("2026-12-08T10:00:00Z"), outcome: "CONFIRMED", deliveredOn: at("2026-12-08"), finalOtdCents: 3_100_000, grossProfitCents: 250_000 },
    });
    const l2 = await leadRow(b.id, dealer.id, { createdAt: t, viewedAt: plusMin(t, 1), firstResponseAt: plusMin(t, 10), firstQuoteAt: plusMin(t, 20), status: "WON" }, {
      preApproval: "CONDITIONAL", lenderId: lender.id, deal: { createdAt: at("2026-12-08T11:00:00Z") },
    });
    const l3 = await leadRow(c.id, dealer.id, { createdAt: t, viewedAt: plusMin(t, 3), status: "PASSED" });
    const l4 = await leadRow(c.id, dealer.id, { createdAt: t });
    // Last week: L5 answered in 4 min, quoted, its only pre-approval declined.
    const w = at("2026-11-30T09:00:00Z");
    const l5 = await leadRow(c.id, dealer.id, { createdAt: w, viewedAt: w, firstResponseAt: plusMin(w, 4), firstQuoteAt: plusMin(w, 4), status: "QUOTED" }, { preApproval: "DECLINED", lenderId: lender.id });
    // Outside the 12 weeks, and another dealer's fast won lead: neither counts.
    await leadRow(c.id, dealer.id, { createdAt: at("2026-06-01T10:00:00Z"), firstResponseAt: at("2026-06-01T10:01:00Z") });
    await leadRow(c.id, other.id, { createdAt: t, viewedAt: t, firstResponseAt: t, firstQuoteAt: t, status: "WON" }, { deal: { createdAt: at("2026-12-08T10:00:00Z") } });

    const r = await getDealerAnalytics(dealer.id, NOW);
    expect(r.asOf).toEqual(NOW);
    expect(r.since.toISOString()).toBe("2026-09-21T00:00:00.000Z");
    // This week: 4 leads; answered after 120 s and 600 s → median (rank 1 of 2) 120, p90 (rank 2) 600;
    // within 5 minutes 1 of 4 = 25%.
    expect(r.speed[11]).toMatchObject({ leads: 4, responded: 2, medianSeconds: 120, p90Seconds: 600, within5mBps: 2500 });
    expect(r.speed[11]!.drill.leads.map((x) => x.id).sort()).toEqual([l1.lead.id, l2.lead.id, l3.lead.id, l4.lead.id].sort());
    expect(r.speed[10]).toMatchObject({ leads: 1, responded: 1, medianSeconds: 240, p90Seconds: 240, within5mBps: 10_000 });
    expect(r.speed.slice(0, 10).every((x) => x.leads === 0)).toBe(true);

    // Funnel over L1–L5: opened 4, quoted 3, pre-approved 2 (declined does not count), accepted 2, delivered 1.
    expect(r.funnel.stages.map((s) => [s.key, s.count])).toEqual([["leads", 5], ["opened", 4], ["quoted", 3], ["preApproved", 2], ["accepted", 2], ["delivered", 1]]);
    expect(r.funnel.stages.find((s) => s.key === "delivered")!.drill.leads).toEqual([{ id: l1.lead.id, alias: l1.lead.buyerAlias }]);
    expect(r.funnel.winRateBps).toBe(6667); // 2 accepted ÷ 3 quoted
    expect(r.funnel.passRateBps).toBe(2000); // 1 passed ÷ 5 leads
    expect(r.funnel.passed.leads.map((x) => x.id)).toEqual([l3.lead.id]);
    void l5;

    // Return this week: 2 accepted × $300 = $600 cost; revenue $31,000 and gross profit $2,500 from the one
    // delivery; net $1,900; ROI 1,900 ÷ 600 = 316.67%; net per lead 1,900 ÷ 4 = $475.
    expect(r.return.weeks[11]).toMatchObject({ leads: 4, accepted: 2, delivered: 1, revenueCents: 3_100_000, grossProfitCents: 250_000, costCents: 60_000, netCents: 190_000, roiBps: 31_667, netPerLeadCents: 47_500 });
    expect(r.return.total).toMatchObject({ leads: 5, accepted: 2, netCents: 190_000, netPerLeadCents: 38_000 });

    // Through the procedure, as the dealer: the same figures. Another dealer gets its own, none of these leads.
    const mine = await (await callerAs(dealer.ownerId)).analytics.dealer();
    expect(mine.funnel.stages[0]!.count).toBe(5);
    const theirs = await (await callerAs(other.ownerId)).analytics.dealer();
    expect(JSON.stringify(theirs)).not.toContain(l1.lead.id);
    // The drill-down links open /dealer/leads/<id>: another dealer gets NOT_FOUND, as for an id that does not exist.
    const otherCaller = await callerAs(other.ownerId);
    const foreign = await failure(otherCaller.dealer.lead({ leadId: l1.lead.id }));
    const missing = await failure(otherCaller.dealer.lead({ leadId: "c000000000000000000000000" }));
    expect(foreign).toEqual(missing);
    expect(foreign.code).toBe("NOT_FOUND");
    // A buyer cannot call the dealer's analytics at all.
    expect((await failure((await callerAs(a.id)).analytics.dealer())).code).toBe("FORBIDDEN");
  });

  it("customers: stage, lifetime value, and identity only through a live grant (read and logged on demand)", async () => {
    const dealer = await makeDealer();
    const elsewhere = await makeDealer();
    const [a, b, c] = [await makeCustomer(), await makeCustomer(), await makeCustomer()];
    const won = { status: "WON" as const, createdAt: at("2026-10-01T10:00:00Z") };
    // A: two deals (one delivered at $40,000, one accepted at $20,000), a live contact grant: repeat customer.
    await leadRow(a.id, dealer.id, won, { deal: { createdAt: at("2026-10-02T10:00:00Z"), outcome: "CONFIRMED", deliveredOn: at("2026-10-05"), finalOtdCents: 4_000_000, otdCents: 3_900_000 } });
    const a2 = await leadRow(a.id, dealer.id, won, { deal: { createdAt: at("2026-11-02T10:00:00Z"), otdCents: 2_000_000 } });
    await makeGrant({ customerId: a.id, granteeType: "DEALER", dealerId: dealer.id, fields: ["CONTACT"], requestId: a2.requestId });
    // B: one deal at $30,000, then took the key back: former customer.
    const b1 = await leadRow(b.id, dealer.id, won, { deal: { createdAt: at("2026-10-03T10:00:00Z") } });
    const bGrant = await makeGrant({ customerId: b.id, granteeType: "DEALER", dealerId: dealer.id, fields: ["CONTACT"], requestId: b1.requestId });
    await revokeGrant(b.id, bGrant.id);
    // C: one deal at $30,000 here, then a later deal with another dealer: former customer.
    await leadRow(c.id, dealer.id, won, { deal: { createdAt: at("2026-10-04T10:00:00Z") } });
    await leadRow(c.id, elsewhere.id, won, { deal: { createdAt: at("2026-11-20T10:00:00Z") } });
    // A deal not delivered does not make a customer.
    const d = await makeCustomer();
    await leadRow(d.id, dealer.id, won, { deal: { createdAt: at("2026-10-06T10:00:00Z"), outcome: "NOT_DELIVERED" } });

    const r = await listDealerCustomers(dealer.id, NOW);
    // 3 customers, 1 with two deals: repeat rate 33.33%; 4 counted deals worth $120,000: average $30,000.
    expect(r).toMatchObject({ customerCount: 3, repeatCustomers: 1, repeatRateBps: 3333, averageDealCents: 3_000_000 });
    const byLead = new Map(r.customers.map((x) => [x.latestLeadId, x]));
    // A: $60,000 so far + 33.33% × $30,000 = $9,999 projected.
    expect(byLead.get(a2.lead.id)).toMatchObject({ stage: "repeat", deals: 2, soFarCents: 6_000_000, projectedCents: 999_900, lifetimeCents: 6_999_900, formerReason: null });
    expect(byLead.get(b1.lead.id)).toMatchObject({ stage: "former", formerReason: "revoked", soFarCents: 3_000_000, projectedCents: 0, lifetimeCents: 3_000_000 });
    expect(r.customers.find((x) => x.formerReason === "bought elsewhere")).toMatchObject({ stage: "former", deals: 1, lifetimeCents: 3_000_000 });
    expect(r.customers).toHaveLength(3);

    // The list carries no identity at all: no id, name, email or phone of any buyer.
    const listed = JSON.stringify(await (await callerAs(dealer.ownerId)).analytics.customers());
    for (const u of [a, b, c]) {
      const p = await db.customerProfile.findUniqueOrThrow({ where: { userId: u.id }, select: { lastName: true } });
      expect(listed).not.toContain(u.id);
      expect(listed).not.toContain(u.email);
      expect(listed).not.toContain(p.lastName);
    }
    // "Show contact": A's contact through A's grant, one access-log row; B (revoked) gets no contact.
    const owner = await callerAs(dealer.ownerId);
    const logsBefore = await db.accessLog.count({ where: { customerId: a.id } });
    const shown = await owner.inbox.buyerContact({ leadId: a2.lead.id });
    expect(shown).toMatchObject({ state: "shared", contact: { email: a.email } });
    expect(await db.accessLog.count({ where: { customerId: a.id } })).toBe(logsBefore + 1);
    const revoked = await owner.inbox.buyerContact({ leadId: b1.lead.id });
    expect(revoked.state).toBe("revoked");
    expect(JSON.stringify(revoked)).not.toContain(b.email);
    // Another dealer cannot read this dealer's customers' contact, and sees none of them in its own list.
    const other = await callerAs(elsewhere.ownerId);
    expect((await failure(other.inbox.buyerContact({ leadId: a2.lead.id }))).code).toBe("NOT_FOUND");
    expect(JSON.stringify(await other.analytics.customers())).not.toContain(a2.lead.id);
  });

  it("the price per accepted deal is set by the admin only, and the dealer's cost follows it", async () => {
    const dealer = await makeDealer();
    const admin = await makeAdmin();
    const dealerCaller = await callerAs(dealer.ownerId);
    const refused = await failure(dealerCaller.analytics.setPricePerDeal({ dealerId: dealer.id, pricePerDealCents: 0 }));
    expect(refused.code).toBe("FORBIDDEN");
    expect((await failure(dealerCaller.analytics.dealerPrices())).code).toBe("FORBIDDEN");
    expect((await failure(dealerCaller.analytics.market())).code).toBe("FORBIDDEN");
    const adminCaller = await callerAs(admin.id);
    await adminCaller.analytics.setPricePerDeal({ dealerId: dealer.id, pricePerDealCents: 45_000 });
    expect((await dealerCaller.analytics.dealer()).pricePerDealCents).toBe(45_000);
    expect((await failure(adminCaller.analytics.setPricePerDeal({ dealerId: "c000000000000000000000000", pricePerDealCents: 1 }))).code).toBe("NOT_FOUND");
    expect((await failure(adminCaller.analytics.setPricePerDeal({ dealerId: dealer.id, pricePerDealCents: -1 }))).code).toBe("BAD_REQUEST");
  });

  it("market by metro: requests, match rate, time to first quote and acceptance of the last 30 days", async () => {
    const buyer = await makeCustomer();
    const [d1, d2] = [await makeDealer(), await makeDealer()];
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const zip = "59801"; // Missoula, MT: no other test posts there
    // R1: two dealers matched, first quotes after 10 and 30 minutes (the first counts), accepted.
    const r1 = await makeRequest(buyer.id, { zip, matchedCount: 2, createdAt: ago(2), status: "ACCEPTED" });
    const q1 = await makeQuote(r1.id, d1.id, { leadId: (await makeLead(r1.id, d1.id, { firstQuoteAt: plusMin(ago(2), 10) })).id });
    await makeLead(r1.id, d2.id, { firstQuoteAt: plusMin(ago(2), 30) });
    await db.deal.create({ data: { requestId: r1.id, quoteId: q1.id, customerId: buyer.id, dealerId: d1.id, quoteVersion: 1, otdCents: 3_000_000 }, select: { id: true } });
    // R2: one dealer, quoted after 20 minutes, not accepted. R3: matched nobody. R4: 40 days ago, outside.
    const r2 = await makeRequest(buyer.id, { zip, matchedCount: 1, createdAt: ago(3) });
    await makeLead(r2.id, d1.id, { firstQuoteAt: plusMin(ago(3), 20) });
    await makeRequest(buyer.id, { zip, matchedCount: 0, createdAt: ago(4) });
    await makeRequest(buyer.id, { zip, matchedCount: 3, createdAt: ago(40) });

    const m = await marketByMetro(now);
    const missoula = m.metros.find((x) => x.state === "MT")!;
    // 3 requests; 2 matched = 66.67%; median of 600 s and 1,200 s (nearest rank) = 600 s; 1 accepted = 33.33%.
    expect(missoula).toMatchObject({ requests: 3, matched: 2, quoted: 2, accepted: 1, matchRateBps: 6667, medianFirstQuoteSeconds: 600, acceptanceRateBps: 3333 });
  });

  it("the admin's page reads the snapshot the job computes, recomputes a stale one, and two refreshes at once leave one set", async () => {
    const buyer = await makeCustomer();
    const zip = "82001"; // Cheyenne, WY: no other test posts there
    const t0 = new Date();
    await makeRequest(buyer.id, { zip, matchedCount: 1 });
    const cheyenne = (m: Awaited<ReturnType<typeof marketView>>) => m.metros.find((x) => x.state === "WY")?.requests ?? 0;
    await refreshMarketSnapshot(t0);
    await makeRequest(buyer.id, { zip, matchedCount: 1 });
    // Fresh: the page shows the snapshot as of its time, not the request posted since.
    const fresh = await marketView(new Date(t0.getTime() + 60_000));
    expect({ asOf: fresh.asOf, wy: cheyenne(fresh) }).toEqual({ asOf: t0, wy: 1 });
    // Stale (no worker for longer than two refresh periods): computed again on the visit.
    const later = new Date(t0.getTime() + 2 * MARKET_REFRESH_MS + 1_000);
    const stale = await marketView(later);
    expect({ asOf: stale.asOf, wy: cheyenne(stale) }).toEqual({ asOf: later, wy: 2 });
    // The job and a visit at the same moment: one set of rows, not two.
    await Promise.all([refreshMarketSnapshot(later), refreshMarketSnapshot(later), refreshMarketSnapshot(later)]);
    expect(await db.marketMetroSnapshot.count({ where: { state: "WY" } })).toBe(1);
    // Through the admin's procedure, the same figures.
    const admin = await callerAs((await makeAdmin()).id);
    expect(cheyenne(await admin.analytics.market())).toBe(2);
  });
});
