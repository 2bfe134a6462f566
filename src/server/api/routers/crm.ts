import { z } from "zod";
import { dealerProcedure, router } from "~/server/api/trpc";
import { forbidden } from "~/server/errors";
import { addCrmAddress, getCrmSettings, removeCrmAddress, rotateCrmSecret, saveCrmEndpoint } from "~/modules/crm/crm-settings";
import { getCrmDelivery, listCrmDeliveries, redriveCrmDelivery } from "~/modules/crm/crm-deliveries";
import { listRelayReplies } from "~/modules/relay/list-relay-replies";
import { addCrmAddressInput, crmAddressIdInput, crmDeliveriesInput, crmDeliveryIdInput, saveCrmEndpointInput } from "~/modules/crm/schemas";

// Where a dealer's leads go and the signing secret: owners only, like a lender's webhooks.
const ownerProcedure = dealerProcedure.use(({ ctx, next }) => {
  if (ctx.actor.orgRole !== "OWNER") throw forbidden("Only an owner of this dealership can manage CRM delivery.");
  return next();
});

export const crmRouter = router({
  settings: ownerProcedure.input(z.void()).query(({ ctx }) => getCrmSettings(ctx.dealerId)),
  addAddress: ownerProcedure.input(addCrmAddressInput).mutation(({ ctx, input }) => addCrmAddress(ctx.dealerId, input.email)),
  removeAddress: ownerProcedure.input(crmAddressIdInput).mutation(({ ctx, input }) => removeCrmAddress(ctx.dealerId, input.id)),
  saveEndpoint: ownerProcedure.input(saveCrmEndpointInput).mutation(({ ctx, input }) => saveCrmEndpoint(ctx.dealerId, input.url || null)),
  rotateSecret: ownerProcedure.input(z.void()).mutation(({ ctx }) => rotateCrmSecret(ctx.dealerId)),
  deliveries: ownerProcedure.input(crmDeliveriesInput).query(({ ctx, input }) => listCrmDeliveries(ctx.dealerId, input.status)),
  delivery: ownerProcedure.input(crmDeliveryIdInput).query(({ ctx, input }) => getCrmDelivery(ctx.dealerId, input.id)),
  redrive: ownerProcedure.input(crmDeliveryIdInput).mutation(({ ctx, input }) => redriveCrmDelivery(ctx.dealerId, input.id)),
  // Replies the dealer's CRM emailed to lead addresses, and what became of each.
  relayReplies: ownerProcedure.input(z.void()).query(({ ctx }) => listRelayReplies(ctx.dealerId)),
});
