import { customerProcedure, router } from "~/server/api/trpc";
import { previewReach, previewReachInput } from "~/modules/matching/preview-reach";
import { liveStream, topics } from "~/server/realtime";
import { cancelRequest } from "~/modules/requests/cancel-request";
import { createRequest } from "~/modules/requests/create-request";
import { getCreditShareOptions } from "~/modules/requests/get-credit-share-options";
import { getMyRequest, listMyRequests, listQuotesForMyRequest, requestDefaults } from "~/modules/requests/queries";
import { createRequestInput, requestIdInput, updateRequestInput } from "~/modules/requests/schemas";
import { updateRequest } from "~/modules/requests/update-request";
import { z } from "zod";

// The customer's side of requests: post, list, edit, cancel, and watch quotes arrive.
export const requestsRouter = router({
  create: customerProcedure.input(createRequestInput).mutation(({ ctx, input }) => createRequest(ctx.actor.userId, input)),
  update: customerProcedure.input(updateRequestInput).mutation(({ ctx, input }) => updateRequest(ctx.actor.userId, input)),
  cancel: customerProcedure.input(requestIdInput).mutation(({ ctx, input }) => cancelRequest(ctx.actor.userId, input.requestId)),
  list: customerProcedure.input(z.void()).query(({ ctx }) => listMyRequests(ctx.actor.userId)),
  get: customerProcedure.input(requestIdInput).query(({ ctx, input }) => getMyRequest(ctx.actor.userId, input.requestId)),
  quotes: customerProcedure.input(requestIdInput).query(({ ctx, input }) => listQuotesForMyRequest(ctx.actor.userId, input.requestId)),
  // Live "this would reach N dealers" on the new-request form (issue 13 #16).
  reach: customerProcedure.input(previewReachInput).query(({ ctx, input }) => previewReach(ctx.actor.userId, input)),
  defaults: customerProcedure.input(z.void()).query(({ ctx }) => requestDefaults(ctx.actor.userId)),
  creditShareOptions: customerProcedure.input(z.void()).query(({ ctx }) => getCreditShareOptions(ctx.actor.userId)),
  live: customerProcedure.input(requestIdInput).subscription(async function* ({ ctx, input, signal }) {
    await getMyRequest(ctx.actor.userId, input.requestId);
    for await (const e of liveStream(topics.request(input.requestId), signal, { announce: true })) yield e;
  }),
});
