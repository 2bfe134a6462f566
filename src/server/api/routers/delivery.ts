import { z } from "zod";
import { adminProcedure, customerProcedure, dealerProcedure, router } from "~/server/api/trpc";
import { answerDelivery } from "~/modules/deals/delivery/answer-delivery";
import { getDeliveryForCustomer, getDeliveryForDealer } from "~/modules/deals/delivery/get-delivery";
import { listDisputes } from "~/modules/deals/delivery/list-disputes";
import { recordDelivery, recordNotDelivered } from "~/modules/deals/delivery/record-delivery";
import { answerDeliveryInput, notDeliveredInput, recordDeliveryInput } from "~/modules/deals/delivery/schemas";

const id = z.string().min(1).max(40);

// After the deal: the dealer records the delivery, the buyer confirms or disputes, the admin sees disputes.
export const deliveryRouter = router({
  forLead: dealerProcedure.input(z.object({ leadId: id }).strict()).query(({ ctx, input }) => getDeliveryForDealer(ctx.dealerId, input.leadId)),
  record: dealerProcedure.input(recordDeliveryInput).mutation(({ ctx, input }) => recordDelivery(ctx.dealerId, input)),
  notDelivered: dealerProcedure.input(notDeliveredInput).mutation(({ ctx, input }) => recordNotDelivered(ctx.dealerId, input)),
  forRequest: customerProcedure.input(z.object({ requestId: id }).strict()).query(({ ctx, input }) => getDeliveryForCustomer(ctx.actor.userId, input.requestId)),
  answer: customerProcedure.input(answerDeliveryInput).mutation(({ ctx, input }) => answerDelivery({ actor: ctx.actor, ...input })),
  disputes: adminProcedure.input(z.void()).query(() => listDisputes()),
});
