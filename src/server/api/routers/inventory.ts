import { dealerProcedure, router } from "~/server/api/trpc";
import { listInventory } from "~/modules/inventory/list-inventory";
import { listInventoryInput, unitIdInput, updatePriceInput } from "~/modules/inventory/schemas";
import { setUnitStatus, updateUnitPrice } from "~/modules/inventory/update-unit";

// A dealer's stock. Imports are a route handler (src/app/api/dealer/inventory/import): CSV is too big for tRPC.
export const inventoryRouter = router({
  list: dealerProcedure.input(listInventoryInput).query(({ ctx, input }) => listInventory(ctx.dealerId, input)),
  updatePrice: dealerProcedure.input(updatePriceInput).mutation(({ ctx, input }) => updateUnitPrice(ctx.dealerId, input.unitId, input.priceCents)),
  markSold: dealerProcedure.input(unitIdInput).mutation(({ ctx, input }) => setUnitStatus(ctx.dealerId, input.unitId, "SOLD")),
  markAvailable: dealerProcedure.input(unitIdInput).mutation(({ ctx, input }) => setUnitStatus(ctx.dealerId, input.unitId, "AVAILABLE")),
});
