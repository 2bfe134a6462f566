import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { drainJobs } from "~/server/jobs/worker";
import { callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { makeLead, makeRequest } from "../../../test/marketplace-factories";
import { dealerNorthOf, postRequest, quoteInput } from "../../../test/marketplace";
import { refreshResponseStats } from "./refresh-response-stats.job";

const MIN = 60_000;

describe("speed to quote", () => {
  it("matches hand-computed figures over the dealer's own leads of the last 90 days", async () => {
    const buyer = await makeCustomer();
    const dealer = await makeDealer();
    const other = await makeDealer();
    const now = new Date();
    const lead = async (dealerId: string, agoMin: number, answeredAfterMin: number | null) => {
      const createdAt = new Date(now.getTime() - agoMin * MIN);
      const request = await makeRequest(buyer.id);
      await makeLead(request.id, dealerId, { createdAt, firstQuoteAt: answeredAfterMin == null ? null : new Date(createdAt.getTime() + answeredAfterMin * MIN) });
    };
    // Quoted after 2, 4, 10 and 60 minutes; one never; one 100 days ago (outside the window); another dealer's fast lead.
    for (const m of [2, 4, 10, 60]) await lead(dealer.id, 600, m);
    await lead(dealer.id, 600, null);
    await lead(dealer.id, 100 * 24 * 60, 1);
    await lead(other.id, 600, 1);

    const s = await refreshResponseStats(dealer.id, now);
    // Sorted 120, 240, 600, 3600 s: the median (nearest rank 2 of 4) is 240; p90 (rank 4) is 3600.
    // Within 5 minutes: 2 of the 5 leads in the window = 40%.
    expect(s).toEqual({ leads: 5, quoted: 4, medianSeconds: 240, p90Seconds: 3600, within5mBps: 4000 });
    expect(await db.dealer.findUniqueOrThrow({ where: { id: dealer.id }, select: { responseMedianSeconds: true, responseP90Seconds: true, responseWithin5mBps: true, responseSampleSize: true } }))
      .toEqual({ responseMedianSeconds: 240, responseP90Seconds: 3600, responseWithin5mBps: 4000, responseSampleSize: 4 });
    // The dealer's dashboard figure is its own, computed the same way.
    const owner = await callerAs(dealer.ownerId);
    expect(await owner.dealer.speed()).toMatchObject({ medianSeconds: 240, p90Seconds: 3600, within5mBps: 4000, leads: 5 });
  });

  it("a first quote records its time, refreshes the dealer's figures, and the buyer's inbox shows them", async () => {
    const buyer = await makeCustomer();
    const dealer = await dealerNorthOf(4);
    const requestId = await postRequest(buyer.id);
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } }, select: { id: true } });
    const caller = await callerAs(dealer.ownerId);
    const q = await caller.dealer.submitQuote(quoteInput(lead.id));
    const stored = await db.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { firstQuoteAt: true, createdAt: true } });
    expect(stored.firstQuoteAt).not.toBeNull();
    expect(await db.job.count({ where: { queue: "dealers.refresh-response-stats", payload: { equals: { dealerId: dealer.id } } } })).toBe(1);
    await drainJobs(["dealers.refresh-response-stats"]);

    const inbox = await (await callerAs(buyer.id)).inbox.get({ requestId });
    const mine = inbox.quotes.find((x) => x.id === q.id)!;
    expect(mine.dealerSpeed).toMatchObject({ leads: 1 });
    expect(mine.dealerSpeed!.medianSeconds).toBe(Math.round((stored.firstQuoteAt!.getTime() - stored.createdAt.getTime()) / 1000));

    // A revision is not a first quote: no second refresh, and the first-quote time stays.
    const { leadId: _l, ...fields } = quoteInput(lead.id, { vehiclePriceCents: 3_300_000 });
    await caller.dealer.reviseQuote({ ...fields, quoteId: q.id, version: 1 });
    expect(await db.job.count({ where: { queue: "dealers.refresh-response-stats", payload: { equals: { dealerId: dealer.id } } } })).toBe(1);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { firstQuoteAt: true } })).firstQuoteAt).toEqual(stored.firstQuoteAt);
  });
});
