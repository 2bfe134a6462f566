import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { explainTop, sortQuotes } from "~/modules/inbox/ranking";
import { callerAs, makeCustomer, makeLender } from "../../../test/factories";
import { makeLead, makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { failure } from "../../../test/marketplace";
import { dealerCounters, dealWith } from "../../../test/ratings-world";
import { RATING_LIMIT } from "./rate-deal";

const rating = (dealId: string, over: Record<string, unknown> = {}) => ({ dealId, target: "DEALER" as const, stars: 4, ...over });
const ratingsOf = (dealId: string) => db.rating.count({ where: { dealId } });

describe("who may rate, and when", () => {
  it("not before the delivery, not after a deal that ended undelivered", async () => {
    const accepted = await dealWith({ deliver: false });
    const early = await failure(accepted.me.inbox.rate(rating(accepted.dealId)));
    expect(early).toMatchObject({ code: "BAD_REQUEST", message: "You can rate once the dealer has recorded the delivery." });
    const undelivered = await dealWith({ deliver: "not-delivered" });
    expect(await failure(undelivered.me.inbox.rate(rating(undelivered.dealId)))).toMatchObject({ code: "BAD_REQUEST", message: "This deal ended without a delivery, so there is nothing to rate." });
    expect(await ratingsOf(accepted.dealId)).toBe(0);
    expect(await ratingsOf(undelivered.dealId)).toBe(0);
    expect((await dealerCounters(accepted.dealer.id)).ratingCount).toBe(0);
  });

  it("after a delivery, whatever the buyer then said of the final price; once per deal and target", async () => {
    const confirmed = await dealWith();
    await confirmed.me.inbox.rate(rating(confirmed.dealId, { stars: 5 }));
    expect(await failure(confirmed.me.inbox.rate(rating(confirmed.dealId, { stars: 1 })))).toMatchObject({ code: "CONFLICT", message: "You already rated this dealer for this deal." });
    expect(await failure(confirmed.me.inbox.rate(rating(confirmed.dealId, { target: "LENDER" })))).toMatchObject({ code: "BAD_REQUEST", message: "This deal has no lender to rate." });

    const waiting = await dealWith({ deliver: "raised" });
    expect((await db.deal.findUniqueOrThrow({ where: { id: waiting.dealId }, select: { outcome: true } })).outcome).toBe("AWAITING_BUYER");
    await waiting.me.inbox.rate(rating(waiting.dealId, { stars: 2 }));
    const disputed = await dealWith({ deliver: "raised" });
    await disputed.me.delivery.answer({ dealId: disputed.dealId, answer: "DISPUTE", reason: "The fees went up after I signed." });
    await disputed.me.inbox.rate(rating(disputed.dealId, { stars: 1 }));
    // The lender of a financed deal is rated separately from the dealer.
    const lender = await makeLender();
    await db.deal.update({ where: { id: disputed.dealId }, data: { lenderId: lender.id } });
    await disputed.me.inbox.rate(rating(disputed.dealId, { target: "LENDER", stars: 5, reasons: ["communication"] }));
    expect(await db.rating.findMany({ where: { dealId: disputed.dealId }, select: { target: true, dealerId: true, lenderId: true }, orderBy: { target: "asc" } })).toEqual([
      { target: "DEALER", dealerId: disputed.dealer.id, lenderId: null },
      { target: "LENDER", dealerId: null, lenderId: lender.id },
    ]);
    // A lender rating does not touch the dealer's counters.
    expect((await dealerCounters(disputed.dealer.id)).ratingCount).toBe(1);
  });

  it("a second account gets the same NOT_FOUND as a missing deal, and nothing is written", async () => {
    const w = await dealWith();
    const stranger = await callerAs((await makeCustomer()).id);
    const foreign = await failure(stranger.inbox.rate(rating(w.dealId)));
    expect(foreign).toEqual(await failure(stranger.inbox.rate(rating("missing-deal-id"))));
    expect(foreign.code).toBe("NOT_FOUND");
    // The dealer of the deal is not a customer at all.
    expect((await failure(w.seller.inbox.rate(rating(w.dealId)))).code).toBe("FORBIDDEN");
    expect(await ratingsOf(w.dealId)).toBe(0);
  });

  it("bad input gets a plain message by its field and changes nothing", async () => {
    const w = await dealWith();
    const long = await failure(w.me.inbox.rate(rating(w.dealId, { comment: "x".repeat(1001) })));
    expect(long).toMatchObject({ code: "BAD_REQUEST", fields: { comment: "Keep your comment to 1,000 characters or fewer." } });
    expect((await failure(w.me.inbox.rate(rating(w.dealId, { stars: 0 })))).fields).toEqual({ stars: "Pick 1 to 5 stars." });
    expect((await failure(w.me.inbox.rate(rating(w.dealId, { reasons: ["cheap"] })))).code).toBe("BAD_REQUEST");
    expect(await ratingsOf(w.dealId)).toBe(0);
    // Exactly 1,000 characters is fine.
    await w.me.inbox.rate(rating(w.dealId, { comment: "y".repeat(1000) }));
    expect(await ratingsOf(w.dealId)).toBe(1);
  });

  it("is throttled per buyer, and a refused rating writes nothing", async () => {
    const w = await dealWith();
    await db.rateLimit.create({ data: { key: `rating:user:${w.buyer.id}`, windowStart: new Date(), count: RATING_LIMIT.count } });
    const limited = await failure(w.me.inbox.rate(rating(w.dealId)));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/^Too many ratings\. Try again in \d+ seconds\.$/);
    expect(await ratingsOf(w.dealId)).toBe(0);
    expect((await dealerCounters(w.dealer.id)).ratingCount).toBe(0);
    await db.rateLimit.deleteMany({ where: { key: `rating:user:${w.buyer.id}` } });
    await w.me.inbox.rate(rating(w.dealId));
    expect(await ratingsOf(w.dealId)).toBe(1);
  });
});

describe("counters and the inbox", () => {
  it("each rating raises the dealer's counters in its transaction; the inbox shows average, count and top reason", async () => {
    const a = await dealWith();
    const dealer = a.dealer;
    await a.me.inbox.rate(rating(a.dealId, { stars: 5, reasons: ["priceAsQuoted", "feesAsQuoted", "priceAsQuoted"] }));
    expect(await dealerCounters(dealer.id)).toEqual({ ratingCount: 1, ratingStarsSum: 5, ratingPriceAsQuotedCount: 1, ratingFeesAsQuotedCount: 1, ratingNoPressureCount: 0, ratingSpeedCount: 0, ratingCommunicationCount: 0 });
    const b = await dealWith({ dealer: a.dealer });
    await b.me.inbox.rate(rating(b.dealId, { stars: 3, reasons: ["priceAsQuoted", "speed"] }));
    const c = await dealWith({ dealer: a.dealer });
    await c.me.inbox.rate(rating(c.dealId, { stars: 4, reasons: [] }));
    expect(await dealerCounters(dealer.id)).toEqual({ ratingCount: 3, ratingStarsSum: 12, ratingPriceAsQuotedCount: 2, ratingFeesAsQuotedCount: 1, ratingNoPressureCount: 0, ratingSpeedCount: 1, ratingCommunicationCount: 0 });
    // The counters agree with the rows.
    const rows = await db.rating.aggregate({ where: { dealerId: dealer.id }, _count: { _all: true }, _sum: { stars: true } });
    expect([rows._count._all, rows._sum.stars]).toEqual([3, 12]);

    const buyer = await makeCustomer();
    const request = await makeRequest(buyer.id);
    const q = await makeQuote(request.id, dealer.id);
    const inbox = await (await callerAs(buyer.id)).inbox.get({ requestId: request.id });
    expect(inbox.quotes.find((x) => x.id === q.id)).toMatchObject({ dealerRating: 4, dealerRatingCount: 3, topReason: "67% say price as quoted" });
  });

  it("a rating with reasons changes the order of a later inbox, and the why-first line says so", async () => {
    const first = await dealWith();
    const second = await dealWith();
    // Equal earlier records: 3 ratings, 4.0 stars, 2 of 3 said the price was as quoted.
    const record = { ratingCount: 3, ratingStarsSum: 12, ratingPriceAsQuotedCount: 2 };
    await db.dealer.updateMany({ where: { id: { in: [first.dealer.id, second.dealer.id] } }, data: { ...record, responseMedianSeconds: null } });
    const buyer = await makeCustomer();
    const request = await makeRequest(buyer.id);
    const near = await makeQuote(request.id, first.dealer.id, { leadId: (await makeLead(request.id, first.dealer.id, { status: "QUOTED", distanceMiles: 1 })).id });
    const far = await makeQuote(request.id, second.dealer.id, { leadId: (await makeLead(request.id, second.dealer.id, { status: "QUOTED", distanceMiles: 6 })).id });
    const me = await callerAs(buyer.id);
    const order = async () => {
      const sorted = sortQuotes((await me.inbox.get({ requestId: request.id })).quotes, "totalCost");
      return { ids: sorted.map((x) => x.id), why: explainTop(sorted, "totalCost") };
    };
    expect((await order()).ids).toEqual([near.id, far.id]);
    // The far dealer's buyer gives 4 stars (the average stays 4.0) and ticks "price as quoted".
    await second.me.inbox.rate(rating(second.dealId, { stars: 4, reasons: ["priceAsQuoted"] }));
    const after = await order();
    expect(after.ids).toEqual([far.id, near.id]);
    expect(after.why).toBe(`${second.dealer.name} ties ${first.dealer.name} on total cost at $34,300 and more of its buyers say the price was as quoted (75% of 4 ratings against 67% of 3 ratings).`);
  });
});
