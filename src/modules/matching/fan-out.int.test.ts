import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerAs, makeCustomer } from "../../../test/factories";
import { baseRequest, dealerNorthOf, leadDealerIds, postRequest } from "../../../test/marketplace";
import { drainJobs, runDueJobs } from "~/server/jobs/worker";
import { fanOutRequest } from "./fan-out";
import { notifyDealersOfLeads } from "./notify-dealers.job";

describe("matching", () => {
  it("needs the dealer inside the buyer's radius and the buyer inside the dealer's", async () => {
    const buyer = await makeCustomer();
    const inside = await dealerNorthOf(20, { serviceRadiusMiles: 50 });
    const beyondBuyer = await dealerNorthOf(-30, { serviceRadiusMiles: 100 }); // 30 mi: outside the buyer's 25
    const beyondDealer = await dealerNorthOf(15, { serviceRadiusMiles: 10 }); // 15 mi: outside the dealer's 10
    const mine = [inside.id, beyondBuyer.id, beyondDealer.id];

    const r25 = await postRequest(buyer.id, { radiusMiles: 25 });
    expect(await leadDealerIds(r25, mine)).toEqual([inside.id]);

    // Widening the buyer's radius reaches the far dealer; the small-radius dealer still does not cover the buyer.
    const r50 = await postRequest(buyer.id, { radiusMiles: 50 });
    expect(await leadDealerIds(r50, mine)).toEqual([inside.id, beyondBuyer.id].sort());
  });

  it("records distance, the reasons and a buyer alias on each lead", async () => {
    const buyer = await makeCustomer();
    const d = await dealerNorthOf(12, { serviceRadiusMiles: 40, makes: ["Toyota"], minPriceCents: 1_000_000, maxPriceCents: 8_000_000 });
    const requestId = await postRequest(buyer.id);
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: d.id } } });
    expect(lead.distanceMiles).toBeGreaterThan(11);
    expect(lead.distanceMiles).toBeLessThan(13);
    expect(lead.matchReasons).toEqual([
      "Within 12 mi of the buyer (your radius 40 mi, theirs 25 mi)",
      "Sells Toyota SUVs, new",
      "Price range $10,000–$80,000 overlaps the buyer's $40,000 maximum price",
    ]);
    expect(lead.buyerAlias).toMatch(/^Buyer [0-9A-F]{4}$/);
    const request = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { matchedCount: true, fannedOutAt: true } });
    expect(request.fannedOutAt).not.toBeNull();
    expect(request.matchedCount).toBe(await db.lead.count({ where: { requestId } }));
  });

  it("skips dealers whose make, body type, new/used or price range do not fit", async () => {
    const buyer = await makeCustomer();
    const fits = await dealerNorthOf(5);
    const wrongMake = await dealerNorthOf(5, { makes: ["Ford"] });
    const wrongBody = await dealerNorthOf(5, { bodyTypes: ["SEDAN", "TRUCK"] });
    const usedOnly = await dealerNorthOf(5, { sellsNew: false });
    const tooPricey = await dealerNorthOf(5, { minPriceCents: 4_000_001, maxPriceCents: 9_000_000 });
    const mine = [fits.id, wrongMake.id, wrongBody.id, usedOnly.id, tooPricey.id];
    expect(await leadDealerIds(await postRequest(buyer.id), mine)).toEqual([fits.id]);
    // With no make named, any make fits; "either" condition takes the used-only dealer too.
    expect(await leadDealerIds(await postRequest(buyer.id, { makes: [], condition: "ANY" }), mine)).toEqual([fits.id, wrongMake.id, usedOnly.id].sort());
    // A monthly budget reaches further than its price alone: $800 × 60 + $3,000 down = $51,000.
    expect(await leadDealerIds(await postRequest(buyer.id, { maxPriceCents: undefined, maxMonthlyCents: 80_000, termMonths: 60 }), mine)).toEqual([fits.id, tooPricey.id].sort());
  });

  it("stops at a full daily cap and never reaches a dealer the buyer blocked", async () => {
    const buyer = await makeCustomer();
    const capped = await dealerNorthOf(3, { dailyLeadCap: 1 });
    const blocked = await dealerNorthOf(3);
    await db.dealerBlock.create({ data: { customerId: buyer.id, dealerId: blocked.id, kind: "BLOCK" } });
    const first = await postRequest(buyer.id);
    expect(await leadDealerIds(first, [capped.id, blocked.id])).toEqual([capped.id]);
    const second = await postRequest(buyer.id);
    expect(await leadDealerIds(second, [capped.id, blocked.id])).toEqual([]);
  });

  it("compares makes without regard to case, and follows a coverage edit at once", async () => {
    const buyer = await makeCustomer();
    const d = await dealerNorthOf(4, { makes: ["TOYOTA", "Kia"] });
    const first = await postRequest(buyer.id, { makes: ["toyota"] });
    expect(await leadDealerIds(first, [d.id])).toEqual([d.id]);
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId: first, dealerId: d.id } }, select: { matchReasons: true } });
    expect(lead.matchReasons).toContain("Sells TOYOTA SUVs, new");
    await db.dealer.update({ where: { id: d.id }, data: { makes: ["Ford"] } });
    expect(await leadDealerIds(await postRequest(buyer.id, { makes: ["Toyota"] }), [d.id])).toEqual([]);
  });

  it("has a partial GiST index for every body type, so each request's scan skips dealers of other types", async () => {
    const types = await db.$queryRaw<{ t: string }[]>`SELECT unnest(enum_range(NULL::"BodyType"))::text AS t`;
    const indexes = await db.$queryRaw<{ indexname: string }[]>`SELECT indexname FROM pg_indexes WHERE tablename = 'Dealer'`;
    const names = new Set(indexes.map((i) => i.indexname));
    expect(types.length).toBeGreaterThan(0);
    for (const { t } of types) expect(names, t).toContain(`Dealer_earth_${t.toLowerCase()}_gist`);
  });
});

describe("fan-out", () => {
  it("running twice gives the same leads", async () => {
    const buyer = await makeCustomer();
    const a = await dealerNorthOf(4);
    const b = await dealerNorthOf(8, { dailyLeadCap: 1 });
    const requestId = await postRequest(buyer.id);
    const before = await db.lead.findMany({ where: { requestId }, select: { id: true, dealerId: true }, orderBy: { id: "asc" } });
    expect(before.map((l) => l.dealerId)).toEqual(expect.arrayContaining([a.id, b.id]));

    expect(await fanOutRequest(requestId)).toMatchObject({ created: 0, skipped: "already-done" });
    // Even forced to match again (as after an edit), the unique (request, dealer) adds nothing.
    await db.request.update({ where: { id: requestId }, data: { fannedOutAt: null } });
    expect(await fanOutRequest(requestId)).toMatchObject({ created: 0, matched: before.length });
    expect(await db.lead.findMany({ where: { requestId }, select: { id: true, dealerId: true }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("a run killed midway leaves nothing, and the job completes exactly once after its lease lapses", async () => {
    const buyer = await makeCustomer();
    const dealers = await Promise.all([dealerNorthOf(2), dealerNorthOf(6), dealerNorthOf(9)]);
    const ids = dealers.map((d) => d.id).sort();
    const { id: requestId } = await (await callerAs(buyer.id)).requests.create(baseRequest);
    const job = await db.job.findFirstOrThrow({ where: { queue: "request.fan-out", payload: { equals: { requestId } } } });

    // 1. A worker dies after inserting the leads but before committing: nothing is left behind.
    await expect(fanOutRequest(requestId, { beforeCommit: async () => { throw new Error("worker killed"); } })).rejects.toThrow("worker killed");
    expect(await db.lead.count({ where: { requestId } })).toBe(0);

    // 2. That worker held the job's lease: no one else takes it until the lease lapses.
    await db.job.update({ where: { id: job.id }, data: { attempts: 1, lockedUntil: new Date(Date.now() + 60_000) } });
    await runDueJobs(50, ["request.fan-out"]);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("PENDING");
    expect(await db.lead.count({ where: { requestId } })).toBe(0);

    // 3. The lease lapses; the next worker reclaims the job and finishes it.
    await db.job.update({ where: { id: job.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await runDueJobs(50, ["request.fan-out"]);
    const done = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done.status).toBe("DONE");
    expect(done.attempts).toBe(2);
    expect(await leadDealerIds(requestId, ids)).toEqual(ids);
    const total = await db.lead.count({ where: { requestId } });

    // 4. A late duplicate run (the dead worker's retry) changes nothing.
    await db.request.update({ where: { id: requestId }, data: { fannedOutAt: null } });
    await fanOutRequest(requestId);
    expect(await db.lead.count({ where: { requestId } })).toBe(total);
  });

  it("a daily cap holds when fan-outs of different requests race, and a re-run does not count twice", async () => {
    const buyer = await makeCustomer();
    const capped = await dealerNorthOf(3, { dailyLeadCap: 2 });
    const caller = await callerAs(buyer.id);
    const ids = await Promise.all([1, 2, 3, 4].map(async () => (await caller.requests.create(baseRequest)).id));
    await Promise.all(ids.map((id) => fanOutRequest(id)));
    const leads = await db.lead.findMany({ where: { dealerId: capped.id }, select: { requestId: true } });
    expect(leads).toHaveLength(2);
    const day = await db.dealerLeadDay.findMany({ where: { dealerId: capped.id }, select: { count: true } });
    expect(day).toEqual([{ count: 2 }]);

    // Matching again for a request the dealer already has (as after an edit) takes no second place.
    await db.request.update({ where: { id: leads[0]!.requestId }, data: { fannedOutAt: null } });
    await fanOutRequest(leads[0]!.requestId);
    expect(await db.dealerLeadDay.findMany({ where: { dealerId: capped.id }, select: { count: true } })).toEqual([{ count: 2 }]);
    expect(await db.lead.count({ where: { dealerId: capped.id } })).toBe(2);
  });

  it("tells each dealer's people of their lead once, with a link and no buyer identity, and emails them through the outbox", async () => {
    const buyer = await makeCustomer();
    const d = await dealerNorthOf(6);
    const salesperson = await db.user.create({
      data: { email: `sales-${Math.random().toString(36).slice(2)}@test.keyturn`, name: "Sam Sales", passwordHash: "x", role: "DEALER", membership: { create: { dealerId: d.id, role: "STAFF" } } },
      select: { id: true },
    });
    const requestId = await postRequest(buyer.id);
    // The fan-out has committed the leads and left the telling to its job (and that job to the email jobs).
    expect(await db.job.count({ where: { queue: "leads.notify-dealers", status: "PENDING", payload: { equals: { requestId } } } })).toBe(1);
    await drainJobs(["leads.notify-dealers", "notification.email"]);
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: d.id } }, select: { id: true, notifiedAt: true } });
    expect(lead.notifiedAt).not.toBeNull();
    const told = await db.notification.findMany({ where: { userId: { in: [d.ownerId, salesperson.id] }, kind: "lead.new" }, select: { userId: true, title: true, body: true, link: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([d.ownerId, salesperson.id].sort());
    for (const n of told) {
      expect(n.link).toBe(`/dealer/leads/${lead.id}`);
      expect(n.title).toBe("New lead: a new SUV near Rapid City, SD");
      expect(n.body).toMatch(/^A buyer 6 mi away wants a new SUV, up to \$40,000\./);
      const buyerUser = await db.user.findUniqueOrThrow({ where: { id: buyer.id }, select: { name: true, email: true } });
      expect(`${n.title} ${n.body}`).not.toContain(buyerUser.email);
      expect(`${n.title} ${n.body}`).not.toContain(buyerUser.name);
    }
    expect(await db.outboundEmail.count({ where: { to: { in: [`dealer-${d.name.replace("Dealer ", "")}@test.keyturn`] } } })).toBe(1);

    // The job again (a retry after a crash), or a re-run of the fan-out, tells no one twice.
    await notifyDealersOfLeads.handler({ requestId }, { jobId: "retry", attempt: 2 });
    await db.request.update({ where: { id: requestId }, data: { fannedOutAt: null } });
    await fanOutRequest(requestId);
    await drainJobs(["leads.notify-dealers", "notification.email"]);
    expect(await db.notification.count({ where: { userId: { in: [d.ownerId, salesperson.id] }, kind: "lead.new" } })).toBe(2);
  });

  it("two workers racing on the same request create each lead once", async () => {
    const buyer = await makeCustomer();
    await Promise.all([dealerNorthOf(1), dealerNorthOf(7)]);
    const requestId = await postRequest(buyer.id);
    const count = await db.lead.count({ where: { requestId } });
    await db.request.update({ where: { id: requestId }, data: { fannedOutAt: null } });
    await Promise.all([fanOutRequest(requestId), fanOutRequest(requestId)]);
    expect(await db.lead.count({ where: { requestId } })).toBe(count);
  });
});
