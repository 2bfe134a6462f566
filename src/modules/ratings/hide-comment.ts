import { z } from "zod";
import { db } from "~/server/db";
import { badRequest, conflict, notFound } from "~/server/errors";
import { notify } from "~/modules/notifications/notify";

export const ZHideCommentInput = z
  .object({
    ratingId: z.string().min(1).max(40),
    reason: z.string().trim().min(5, "Say why the comment is hidden, in a few words.").max(500, "Keep the reason to 500 characters or fewer."),
  })
  .strict();
export type THideCommentInput = z.infer<typeof ZHideCommentInput>;

/**
 * The admin hides a rating's comment (and the dealer's answer with it) with a reason the dealer sees. The
 * stars and reasons still count: moderation removes text, not a buyer's score.
 */
export async function hideComment(input: THideCommentInput) {
  const { ratingId, reason } = ZHideCommentInput.parse(input);
  return db.$transaction(async (tx) => {
    const rating = await tx.rating.findUnique({ where: { id: ratingId }, select: { id: true, comment: true, dealerId: true } });
    if (!rating) throw notFound("Rating not found.");
    if (!rating.comment) throw badRequest("This rating has no comment to hide.");
    const done = await tx.rating.updateMany({ where: { id: ratingId, hiddenAt: null }, data: { hiddenAt: new Date(), hiddenReason: reason } });
    if (done.count === 0) throw conflict("This comment is already hidden.");
    if (rating.dealerId) {
      const members = await tx.membership.findMany({ where: { dealerId: rating.dealerId }, select: { userId: true } });
      for (const m of members) {
        await notify(tx, { userId: m.userId, kind: "rating.hidden", title: "A buyer's comment was hidden", body: `Keyturn's moderators hid a comment on your feedback: ${reason}`, link: "/dealer/feedback" });
      }
    }
    return { id: ratingId, hidden: true as const, reason };
  });
}
