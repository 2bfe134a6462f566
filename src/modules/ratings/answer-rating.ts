import { z } from "zod";
import { db } from "~/server/db";
import { badRequest, conflict, notFound } from "~/server/errors";
import { enforceRateLimit } from "~/server/rate-limit";

export const ANSWER_MAX = 1000;
export const ANSWER_LIMIT = { count: 30, windowSeconds: 3600 };

export const ZAnswerRatingInput = z
  .object({
    ratingId: z.string().min(1).max(40),
    answer: z.string().trim().min(2, "Write your answer first.").max(ANSWER_MAX, "Keep your answer to 1,000 characters or fewer."),
  })
  .strict();
export type TAnswerRatingInput = z.infer<typeof ZAnswerRatingInput>;

/**
 * The dealer answers a buyer's comment once, publicly. Another dealer's rating is NOT_FOUND like a missing
 * one; the write is conditional on no answer yet, so two answers at once cannot both land.
 */
export async function answerRating(dealerId: string, input: TAnswerRatingInput) {
  const { ratingId, answer } = ZAnswerRatingInput.parse(input);
  const rating = await db.rating.findFirst({ where: { id: ratingId, dealerId, target: "DEALER" }, select: { id: true, comment: true, hiddenAt: true, answer: true } });
  if (!rating) throw notFound("Rating not found.");
  if (!rating.comment) throw badRequest("This rating has no comment to answer.");
  if (rating.hiddenAt) throw conflict("This comment was hidden by Keyturn's moderators, so it can no longer be answered.");
  return db.$transaction(async (tx) => {
    await enforceRateLimit(`rating-answer:dealer:${dealerId}`, ANSWER_LIMIT.count, ANSWER_LIMIT.windowSeconds, "answers", tx);
    const done = await tx.rating.updateMany({ where: { id: ratingId, dealerId, answer: null, hiddenAt: null }, data: { answer, answeredAt: new Date() } });
    if (done.count === 0) throw conflict("You have already answered this comment; a comment gets one answer.");
    return { id: ratingId, answer };
  });
}
