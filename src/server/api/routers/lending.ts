import { z } from "zod";
import { customerProcedure, lenderProcedure, router } from "~/server/api/trpc";
import { forbidden } from "~/server/errors";
import { liveStream, topics } from "~/server/realtime";
import { createApiKey, createApiKeyInput, listApiKeys, revokeApiKey } from "~/modules/lender-api/api-keys";
import { buyerPreApprovals, getNotice, lenderOverview, listNotices } from "~/modules/lending/console";
import { getPolicy, updatePolicy } from "~/modules/lending/manage-policy";
import { consoleDecisionSchema, policyInputSchema } from "~/modules/lending/schemas";
import { getWebhookSettings, listDeliveries, redriveDelivery, rotateWebhookSecret, saveWebhookUrl } from "~/modules/webhooks/manage-endpoint";
import { decideInConsole } from "~/modules/lending/decide-in-console";
import { reviewPreApproval } from "~/modules/lending/review-pre-approval";

const id = z.string().min(1).max(40);

// Keys and webhook secrets open the lender's whole integration: owners only.
const ownerProcedure = lenderProcedure.use(({ ctx, next }) => {
  if (ctx.actor.orgRole !== "OWNER") throw forbidden("Only an owner of this lender can manage API keys and webhooks.");
  return next();
});

export const lendingRouter = router({
  overview: lenderProcedure.input(z.object({ status: z.enum(["PENDING", "DECIDED"]).optional() }).strict()).query(({ ctx, input }) => lenderOverview(ctx.lenderId, input.status)),
  // Only this lender's own topic: requests placed, cancelled, revised, decided, expired.
  live: lenderProcedure.input(z.void()).subscription(async function* ({ ctx, signal }) {
    for await (const e of liveStream(topics.lender(ctx.lenderId), signal)) yield e;
  }),
  // Any member of the lender may review and decide by hand; the read is logged for the buyer.
  preApproval: lenderProcedure.input(z.object({ id }).strict()).query(({ ctx, input }) => reviewPreApproval(ctx.lenderId, input.id)),
  decide: lenderProcedure.input(consoleDecisionSchema).mutation(({ ctx, input }) => decideInConsole(ctx.lenderId, input)),
  policy: lenderProcedure.input(z.void()).query(({ ctx }) => getPolicy(ctx.lenderId)),
  updatePolicy: ownerProcedure.input(policyInputSchema).mutation(({ ctx, input }) => updatePolicy(ctx.lenderId, input)),

  apiKeys: ownerProcedure.input(z.void()).query(({ ctx }) => listApiKeys(ctx.lenderId)),
  createApiKey: ownerProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.lenderId, input)),
  revokeApiKey: ownerProcedure.input(z.object({ id }).strict()).mutation(({ ctx, input }) => revokeApiKey(ctx.lenderId, input.id)),

  webhook: ownerProcedure.input(z.void()).query(({ ctx }) => getWebhookSettings(ctx.lenderId)),
  saveWebhook: ownerProcedure
    .input(z.object({ url: z.string().trim().max(500).nullable() }).strict())
    .mutation(({ ctx, input }) => saveWebhookUrl(ctx.lenderId, input.url || null)),
  rotateWebhookSecret: ownerProcedure.input(z.void()).mutation(({ ctx }) => rotateWebhookSecret(ctx.lenderId)),
  deliveries: ownerProcedure.input(z.object({ status: z.enum(["PENDING", "DELIVERED", "DEAD"]).optional() }).strict()).query(({ ctx, input }) => listDeliveries(ctx.lenderId, input.status)),
  redrive: ownerProcedure.input(z.object({ id }).strict()).mutation(({ ctx, input }) => redriveDelivery(ctx.lenderId, input.id)),

  // The buyer's side: financing offers on their request (live through inbox.live) and adverse-action notices.
  forRequest: customerProcedure.input(z.object({ requestId: id }).strict()).query(({ ctx, input }) => buyerPreApprovals(ctx.actor.userId, input.requestId)),
  notices: customerProcedure.input(z.void()).query(({ ctx }) => listNotices(ctx.actor.userId)),
  notice: customerProcedure.input(z.object({ id }).strict()).query(({ ctx, input }) => getNotice(ctx.actor.userId, input.id)),
});
