import { z } from "zod";
import { customerProcedure, dealerProcedure, router } from "~/server/api/trpc";
import { liveStream, topics } from "~/server/realtime";
import { getInbox } from "~/modules/inbox/get-inbox";
import { assertOwnRequest } from "~/modules/inbox/assert-own-request";
import { acceptQuote } from "~/modules/deals/accept-quote";
import { ZAcceptQuoteInput } from "~/modules/deals/schemas";
import { getBuyerContact } from "~/modules/deals/get-buyer-contact";
import { rateDeal, ZRateDealInput } from "~/modules/ratings/rate-deal";
import { getDealForCustomer } from "~/modules/deals/get-deal";

const ZRequestRef = z.object({ requestId: z.string().min(1).max(40) }).strict();

// The customer's comparison inbox, acceptance and ratings; plus the accepted dealer's view of the buyer.
export const inboxRouter = router({
  get: customerProcedure.input(ZRequestRef).query(({ ctx, input }) => getInbox({ actor: ctx.actor, ...input })),
  live: customerProcedure.input(ZRequestRef).subscription(async function* ({ ctx, input, signal }) {
    await assertOwnRequest(ctx.actor.userId, input.requestId);
    for await (const e of liveStream(topics.request(input.requestId), signal, { announce: true })) yield e;
  }),
  accept: customerProcedure.input(ZAcceptQuoteInput).mutation(({ ctx, input }) => acceptQuote({ actor: ctx.actor, ...input })),
  deal: customerProcedure.input(ZRequestRef).query(({ ctx, input }) => getDealForCustomer({ actor: ctx.actor, ...input })),
  rate: customerProcedure.input(ZRateDealInput).mutation(({ ctx, input }) => rateDeal({ actor: ctx.actor, ...input })),
  buyerContact: dealerProcedure
    .input(z.object({ leadId: z.string().min(1).max(40) }).strict())
    .query(({ ctx, input }) => getBuyerContact({ actor: ctx.actor, dealerId: ctx.dealerId, ...input })),
});
