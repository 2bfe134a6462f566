import { describe, expect, it } from "vitest";
import { counterIncrements, rankAdvice, REASON_KEYS, summarise, topReasonText, type RatingCounters, type RecentRating } from "./reasons";

const counters = (count: number, starsSum: number, reasons: Partial<RatingCounters["reasons"]> = {}): RatingCounters => ({
  count,
  starsSum,
  reasons: { priceAsQuoted: 0, feesAsQuoted: 0, noPressure: 0, speed: 0, communication: 0, ...reasons },
});
const rated = (stars: number, ticked: string[] = []): RecentRating =>
  ({ stars, ...Object.fromEntries(REASON_KEYS.map((k) => [k, ticked.includes(k)])) }) as RecentRating;

describe("summarise", () => {
  it("averages the stars and gives no shares below three ratings", () => {
    expect(summarise(counters(0, 0))).toEqual({ average: null, count: 0, shares: null, top: null });
    expect(summarise(counters(2, 9, { priceAsQuoted: 2 }))).toMatchObject({ average: 4.5, count: 2, shares: null, top: null });
  });

  it("names the most-ticked reason with its share, ties going to price", () => {
    const s = summarise(counters(25, 110, { priceAsQuoted: 23, feesAsQuoted: 23, speed: 10 }));
    expect(s.average).toBe(4.4);
    expect(s.top).toEqual({ key: "priceAsQuoted", share: 0.92 });
    expect(topReasonText(s)).toBe("92% say price as quoted");
    expect(topReasonText(summarise(counters(4, 16, { communication: 3 })))).toBe("75% say clear communication");
  });

  it("has no top reason when nobody ticked one", () => {
    expect(topReasonText(summarise(counters(5, 20)))).toBeNull();
  });
});

describe("counterIncrements", () => {
  it("adds one rating, its stars and one per ticked reason", () => {
    expect(counterIncrements(4, ["priceAsQuoted", "speed"])).toEqual({
      ratingCount: { increment: 1 },
      ratingStarsSum: { increment: 4 },
      ratingPriceAsQuotedCount: { increment: 1 },
      ratingFeesAsQuotedCount: { increment: 0 },
      ratingNoPressureCount: { increment: 0 },
      ratingSpeedCount: { increment: 1 },
      ratingCommunicationCount: { increment: 0 },
    });
  });
});

describe("rankAdvice", () => {
  const none = { deliveries: { deliveries: 0, honoured: 0 }, medianResponseSeconds: null };

  it("counts the reasons the last ten buyers did not tick, most missed first", () => {
    const recent = [
      ...Array.from({ length: 3 }, () => rated(5, ["priceAsQuoted", "noPressure", "speed", "communication"])),
      ...Array.from({ length: 7 }, () => rated(5, REASON_KEYS as unknown as string[])),
      // The eleventh is older than the last ten: not counted.
      rated(1),
    ];
    expect(rankAdvice({ recent, ...none })).toEqual(["3 of the last 10 buyers who rated you did not say the fees were as quoted."]);
  });

  it("says how price as quoted ranks, and counts low stars", () => {
    const advice = rankAdvice({ recent: [rated(2, ["feesAsQuoted", "noPressure", "speed", "communication"]), rated(5, REASON_KEYS as unknown as string[])], ...none });
    expect(advice[0]).toBe("1 of the last 2 buyers who rated you did not say the price was as quoted. Among quotes equal on total cost, a higher share saying the price was as quoted ranks first.");
    expect(advice).toContain("1 of the last 2 ratings were 3 stars or fewer. From 3 ratings up, your average breaks ties between quotes equal on total cost.");
  });

  it("uses the dealer's own deliveries and speed", () => {
    const advice = rankAdvice({ recent: [], deliveries: { deliveries: 10, honoured: 7 }, medianResponseSeconds: 3 * 3600 });
    expect(advice).toEqual([
      "3 of your 10 recorded deliveries were above the accepted price. Delivering at the quoted price is the first tie-break in a buyer's inbox.",
      "Your median first response is 3 h. Answering sooner moves you up among quotes equal on price and record.",
    ]);
    expect(rankAdvice({ recent: [rated(5, REASON_KEYS as unknown as string[])], deliveries: { deliveries: 4, honoured: 4 }, medianResponseSeconds: 240 })).toEqual([]);
  });
});

describe("rankAdvice with one rating", () => {
  it("speaks of the latest rating, not of a count of one", () => {
    expect(rankAdvice({ recent: [rated(3, ["priceAsQuoted", "feesAsQuoted", "noPressure", "speed"])], deliveries: { deliveries: 0, honoured: 0 }, medianResponseSeconds: null })).toEqual([
      "Your latest rating did not say communication was clear.",
      "Your latest rating was 3 stars or fewer. From 3 ratings up, your average breaks ties between quotes equal on total cost.",
    ]);
  });
});
