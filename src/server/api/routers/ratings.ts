import { z } from "zod";
import { adminProcedure, dealerProcedure, router } from "~/server/api/trpc";
import { answerRating, ZAnswerRatingInput } from "~/modules/ratings/answer-rating";
import { getDealerFeedback } from "~/modules/ratings/get-dealer-feedback";
import { hideComment, ZHideCommentInput } from "~/modules/ratings/hide-comment";
import { listRecentRatings } from "~/modules/ratings/list-ratings";

// Ratings after delivery (the buyer's side is inbox.rate): the dealer's feedback and answers, the admin's moderation.
export const ratingsRouter = router({
  dealerFeedback: dealerProcedure.input(z.void()).query(({ ctx }) => getDealerFeedback(ctx.dealerId)),
  answer: dealerProcedure.input(ZAnswerRatingInput).mutation(({ ctx, input }) => answerRating(ctx.dealerId, input)),
  recent: adminProcedure.input(z.void()).query(() => listRecentRatings()),
  hideComment: adminProcedure.input(ZHideCommentInput).mutation(({ input }) => hideComment(input)),
});
