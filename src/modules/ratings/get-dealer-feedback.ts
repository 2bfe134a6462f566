import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { countersOf, dealerCountersSelect, rankAdvice, REASON_KEYS, summarise } from "./reasons";

export const UNSIGNED_BYLINE = "A verified buyer";
export const FEEDBACK_PAGE_SIZE = 50;

// What a dealer may see of a rating of itself: never the customer, only the name the buyer chose to sign with.
export const dealerRatingSelect = {
  id: true, stars: true, comment: true, signedName: true, answer: true, answeredAt: true, hiddenAt: true, hiddenReason: true, createdAt: true,
  priceAsQuoted: true, feesAsQuoted: true, noPressure: true, speed: true, communication: true,
} satisfies Prisma.RatingSelect;

/**
 * The dealer's feedback page: its counters (all ratings, hidden comments included, as the UI says), its
 * newest ratings with their comments and answers, and what would raise its rank, from its own figures.
 * Reads one dealer row and at most FEEDBACK_PAGE_SIZE of its ratings (by the dealer/createdAt index).
 */
export async function getDealerFeedback(dealerId: string) {
  const [dealer, rows] = await Promise.all([
    db.dealer.findUniqueOrThrow({ where: { id: dealerId }, select: { ...dealerCountersSelect, deliveriesCount: true, honouredCount: true, responseMedianSeconds: true } }),
    db.rating.findMany({ where: { dealerId, target: "DEALER" }, select: dealerRatingSelect, orderBy: { createdAt: "desc" }, take: FEEDBACK_PAGE_SIZE }),
  ]);
  const summary = summarise(countersOf(dealer));
  const ratings = rows.map(({ signedName, ...r }) => ({
    id: r.id,
    stars: r.stars,
    byline: signedName ?? UNSIGNED_BYLINE,
    reasons: REASON_KEYS.filter((k) => r[k]),
    comment: r.comment,
    answer: r.answer,
    answeredAt: r.answeredAt,
    hidden: r.hiddenAt ? { at: r.hiddenAt, reason: r.hiddenReason ?? "" } : null,
    createdAt: r.createdAt,
  }));
  const advice = rankAdvice({
    recent: rows,
    deliveries: { deliveries: dealer.deliveriesCount, honoured: dealer.honouredCount },
    medianResponseSeconds: dealer.responseMedianSeconds,
  });
  return { summary, reasonCounts: countersOf(dealer).reasons, ratings, advice };
}

export type DealerFeedback = Awaited<ReturnType<typeof getDealerFeedback>>;
