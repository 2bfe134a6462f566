import { z } from "zod";
import { dealerProcedure, router } from "~/server/api/trpc";
import { forbidden } from "~/server/errors";
import { createApiKeyInput, createOwnedApiKey, listOwnedApiKeys, revokeOwnedApiKey } from "~/modules/lender-api/api-keys";
import { listInventory } from "~/modules/inventory/list-inventory";
import { listInventoryInput, unitIdInput, updatePriceInput } from "~/modules/inventory/schemas";
import { setUnitStatus, updateUnitPrice } from "~/modules/inventory/update-unit";

// A key writes the whole stock through the inventory API: owners only, as for a lender's keys.
const ownerProcedure = dealerProcedure.use(({ ctx, next }) => {
  if (ctx.actor.orgRole !== "OWNER") throw forbidden("Only an owner of this dealership can manage API keys.");
  return next();
});

// A dealer's stock. Imports are a route handler (src/app/api/dealer/inventory/import): CSV is too big for tRPC.
export const inventoryRouter = router({
  list: dealerProcedure.input(listInventoryInput).query(({ ctx, input }) => listInventory(ctx.dealerId, input)),
  updatePrice: dealerProcedure.input(updatePriceInput).mutation(({ ctx, input }) => updateUnitPrice(ctx.dealerId, input.unitId, input.priceCents)),
  markSold: dealerProcedure.input(unitIdInput).mutation(({ ctx, input }) => setUnitStatus(ctx.dealerId, input.unitId, "SOLD")),
  markAvailable: dealerProcedure.input(unitIdInput).mutation(({ ctx, input }) => setUnitStatus(ctx.dealerId, input.unitId, "AVAILABLE")),

  // Keys for the inventory API (PUT/GET /api/v1/inventory).
  apiKeys: ownerProcedure.input(z.void()).query(({ ctx }) => listOwnedApiKeys({ dealerId: ctx.dealerId })),
  createApiKey: ownerProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createOwnedApiKey({ dealerId: ctx.dealerId }, input)),
  revokeApiKey: ownerProcedure.input(z.object({ id: z.string().min(1).max(40) }).strict()).mutation(({ ctx, input }) => revokeOwnedApiKey({ dealerId: ctx.dealerId }, input.id)),
});
