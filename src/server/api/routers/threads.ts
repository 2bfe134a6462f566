import { z } from "zod";
import { customerProcedure, dealerProcedure, router } from "~/server/api/trpc";
import { liveStream, topics } from "~/server/realtime";
import { ZDealerSendMessageInput, ZLeadRef, ZSendMessageInput, ZSetDealerBlockInput, ZUnreadForLeads } from "~/modules/messaging/schemas";
import { customerUnreadByLead, dealerUnreadByLead, getThreadForCustomer, getThreadForDealer } from "~/modules/messaging/get-thread";
import { sendCustomerMessage, sendDealerMessage } from "~/modules/messaging/send-message";
import { markReadByCustomer, markReadByDealer } from "~/modules/messaging/mark-read";
import { setDealerBlock } from "~/modules/messaging/set-dealer-block";
import { leadForDealerOrThrow } from "~/modules/messaging/access";

// One thread per lead. Customer procedures take the lead id from their inbox; dealer procedures are
// scoped to ctx.dealerId, so another dealer's lead is NOT_FOUND.
export const threadsRouter = router({
  get: customerProcedure.input(ZLeadRef).query(({ ctx, input }) => getThreadForCustomer({ actor: ctx.actor, ...input })),
  send: customerProcedure.input(ZSendMessageInput).mutation(({ ctx, input }) => sendCustomerMessage({ actor: ctx.actor, ...input })),
  markRead: customerProcedure.input(ZLeadRef).mutation(({ ctx, input }) => markReadByCustomer({ actor: ctx.actor, ...input })),
  unread: customerProcedure
    .input(z.object({ requestId: z.string().min(1).max(40) }).strict())
    .query(({ ctx, input }) => customerUnreadByLead({ actor: ctx.actor, ...input })),
  setBlock: customerProcedure.input(ZSetDealerBlockInput).mutation(({ ctx, input }) => setDealerBlock({ actor: ctx.actor, ...input })),

  dealerGet: dealerProcedure.input(ZLeadRef).query(({ ctx, input }) => getThreadForDealer({ dealerId: ctx.dealerId, ...input })),
  dealerSend: dealerProcedure
    .input(ZDealerSendMessageInput)
    .mutation(({ ctx, input }) => sendDealerMessage({ actor: ctx.actor, dealerId: ctx.dealerId, ...input })),
  dealerMarkRead: dealerProcedure.input(ZLeadRef).mutation(({ ctx, input }) => markReadByDealer({ dealerId: ctx.dealerId, ...input })),
  dealerUnread: dealerProcedure.input(ZUnreadForLeads).query(({ ctx, input }) => dealerUnreadByLead({ dealerId: ctx.dealerId, leadIds: input.leadIds })),
  dealerLive: dealerProcedure.input(ZLeadRef).subscription(async function* ({ ctx, input, signal }) {
    await leadForDealerOrThrow(ctx.dealerId, input.leadId);
    for await (const e of liveStream(topics.lead(input.leadId), signal)) yield e;
  }),
});
