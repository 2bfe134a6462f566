import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerAs, makeAdmin, makeCustomer } from "../../../test/factories";
import { makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { dealerNorthOf, failure } from "../../../test/marketplace";
import { dealWith } from "../../../test/ratings-world";
import { ANSWER_LIMIT } from "./answer-rating";

const ownerName = (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });

describe("what the dealer sees of its ratings", () => {
  it("an unsigned rating shows as 'A verified buyer' and no procedure output names the buyer; a signed one shows the first name", async () => {
    const dealer = await dealerNorthOf(4);
    const quiet = await dealWith({ dealer, firstName: "Marisol" });
    const open = await dealWith({ dealer, firstName: "Thaddeus" });
    await quiet.me.inbox.rate({ dealId: quiet.dealId, target: "DEALER", stars: 3, reasons: ["speed"], comment: "Fine, but slow paperwork." });
    await open.me.inbox.rate({ dealId: open.dealId, target: "DEALER", stars: 5, reasons: ["priceAsQuoted", "noPressure"], comment: "Great.", signed: true });
    expect(await db.rating.findFirstOrThrow({ where: { dealId: quiet.dealId }, select: { signedName: true } })).toEqual({ signedName: null });

    const feedback = await quiet.seller.ratings.dealerFeedback();
    expect(feedback.ratings.map((r) => [r.byline, r.stars, r.reasons])).toEqual([
      ["Thaddeus", 5, ["priceAsQuoted", "noPressure"]],
      ["A verified buyer", 3, ["speed"]],
    ]);
    expect(feedback.summary).toMatchObject({ average: 4, count: 2 });
    // What would raise the rank comes from these two ratings.
    expect(feedback.advice).toContain("2 of the last 2 buyers who rated you did not say the fees were as quoted.");

    // Neither the dealer's feedback nor the buyer-facing inbox carries the unsigned buyer's identity.
    const quietUser = await ownerName(quiet.buyer.id);
    const leaks = [quiet.buyer.id, "Marisol", quietUser.name, quietUser.email];
    const shopper = await makeCustomer();
    const request = await makeRequest(shopper.id);
    await makeQuote(request.id, dealer.id);
    const inbox = await (await callerAs(shopper.id)).inbox.get({ requestId: request.id });
    for (const out of [feedback, inbox]) {
      const text = JSON.stringify(out);
      for (const s of leaks) expect(text.includes(s), `leaked ${s}`).toBe(false);
      expect(text).not.toMatch(/"customerId"|"customer"/);
    }
    // The signed one shows its first name only, not the surname or email.
    const openUser = await ownerName(open.buyer.id);
    expect(JSON.stringify(feedback)).not.toContain(openUser.email);
    expect(inbox.quotes[0]!.comments.map((c) => c.byline)).toEqual(["Thaddeus", "A verified buyer"]);
  });
});

describe("the dealer's one public answer", () => {
  it("lands once, shows under the comment on buyers' quotes; a second answer is refused; another dealer gets 404", async () => {
    const w = await dealWith();
    await w.me.inbox.rate({ dealId: w.dealId, target: "DEALER", stars: 2, comment: "The fees were higher than quoted." });
    const [r] = (await w.seller.ratings.dealerFeedback()).ratings;
    const other = await dealWith();
    const foreign = await failure(other.seller.ratings.answer({ ratingId: r!.id, answer: "Not ours." }));
    expect(foreign).toEqual(await failure(other.seller.ratings.answer({ ratingId: "missing-rating", answer: "Not ours." })));
    expect(foreign.code).toBe("NOT_FOUND");

    const long = await failure(w.seller.ratings.answer({ ratingId: r!.id, answer: "z".repeat(1001) }));
    expect(long).toMatchObject({ code: "BAD_REQUEST", fields: { answer: "Keep your answer to 1,000 characters or fewer." } });
    expect((await failure(w.seller.ratings.answer({ ratingId: r!.id, answer: " " }))).fields).toEqual({ answer: "Write your answer first." });
    expect((await db.rating.findUniqueOrThrow({ where: { id: r!.id }, select: { answer: true } })).answer).toBeNull();

    await w.seller.ratings.answer({ ratingId: r!.id, answer: "We refunded the doc fee difference." });
    expect(await failure(w.seller.ratings.answer({ ratingId: r!.id, answer: "Second thoughts." }))).toMatchObject({ code: "CONFLICT", message: "You have already answered this comment; a comment gets one answer." });
    expect((await db.rating.findUniqueOrThrow({ where: { id: r!.id }, select: { answer: true } })).answer).toBe("We refunded the doc fee difference.");

    const shopper = await makeCustomer();
    const request = await makeRequest(shopper.id);
    await makeQuote(request.id, w.dealer.id);
    const inbox = await (await callerAs(shopper.id)).inbox.get({ requestId: request.id });
    expect(inbox.quotes[0]!.comments).toMatchObject([{ comment: "The fees were higher than quoted.", answer: "We refunded the doc fee difference.", byline: "A verified buyer" }]);
    // The buyer who rated sees the answer on their deal.
    expect((await w.me.inbox.deal({ requestId: w.requestId }))!.ratings[0]).toMatchObject({ answer: "We refunded the doc fee difference." });
  });

  it("answers are throttled per dealer", async () => {
    const w = await dealWith();
    await w.me.inbox.rate({ dealId: w.dealId, target: "DEALER", stars: 4, comment: "Good." });
    const [r] = (await w.seller.ratings.dealerFeedback()).ratings;
    await db.rateLimit.create({ data: { key: `rating-answer:dealer:${w.dealer.id}`, windowStart: new Date(), count: ANSWER_LIMIT.count } });
    expect((await failure(w.seller.ratings.answer({ ratingId: r!.id, answer: "Thanks!" }))).code).toBe("TOO_MANY_REQUESTS");
    expect((await db.rating.findUniqueOrThrow({ where: { id: r!.id }, select: { answer: true } })).answer).toBeNull();
  });
});

describe("admin moderation", () => {
  it("hides a comment with a required reason; the dealer sees the reason, buyers stop seeing the text, the stars still count", async () => {
    const w = await dealWith();
    await w.me.inbox.rate({ dealId: w.dealId, target: "DEALER", stars: 1, reasons: [], comment: "Call 555-0199 for a better deal!" });
    const admin = await callerAs((await makeAdmin()).id);
    const listed = (await admin.ratings.recent()).find((r) => r.comment === "Call 555-0199 for a better deal!")!;
    expect(listed).toMatchObject({ rated: w.dealer.name, byline: "A verified buyer", hiddenAt: null });

    expect(await failure(admin.ratings.hideComment({ ratingId: listed.id, reason: "" }))).toMatchObject({ code: "BAD_REQUEST", fields: { reason: "Say why the comment is hidden, in a few words." } });
    expect((await failure(admin.ratings.hideComment({ ratingId: "missing", reason: "Advertising" }))).code).toBe("NOT_FOUND");
    // Only the admin moderates.
    expect((await failure(w.seller.ratings.hideComment({ ratingId: listed.id, reason: "I dislike it" }))).code).toBe("FORBIDDEN");
    expect((await db.rating.findUniqueOrThrow({ where: { id: listed.id }, select: { hiddenAt: true } })).hiddenAt).toBeNull();

    await admin.ratings.hideComment({ ratingId: listed.id, reason: "Advertising another business" });
    expect((await failure(admin.ratings.hideComment({ ratingId: listed.id, reason: "Again please" }))).code).toBe("CONFLICT");

    const mine = (await w.seller.ratings.dealerFeedback()).ratings.find((r) => r.id === listed.id)!;
    expect(mine.hidden).toMatchObject({ reason: "Advertising another business" });
    expect(await db.notification.count({ where: { userId: w.dealer.ownerId, kind: "rating.hidden" } })).toBe(1);
    // A hidden comment cannot be answered.
    expect((await failure(w.seller.ratings.answer({ ratingId: listed.id, answer: "Sorry." }))).code).toBe("CONFLICT");

    const shopper = await makeCustomer();
    const request = await makeRequest(shopper.id);
    await makeQuote(request.id, w.dealer.id);
    const q = (await (await callerAs(shopper.id)).inbox.get({ requestId: request.id })).quotes[0]!;
    expect(q.comments).toEqual([]);
    expect(q).toMatchObject({ dealerRating: 1, dealerRatingCount: 1 });
    // The buyer who wrote it is told too.
    expect((await w.me.inbox.deal({ requestId: w.requestId }))!.ratings[0]).toMatchObject({ hiddenReason: "Advertising another business" });
  });
});
