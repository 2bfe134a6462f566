import { z } from "zod";
import { customerProcedure, router } from "~/server/api/trpc";
import { addGarageVehicle } from "~/modules/garage/add-garage-vehicle";
import { listGarage } from "~/modules/garage/list-garage";
import { removeGarageVehicle } from "~/modules/garage/remove-garage-vehicle";
import { ZAddGarageVehicleInput, ZRemoveGarageVehicleInput, ZUpdateGarageMileageInput } from "~/modules/garage/schemas";
import { updateGarageMileage } from "~/modules/garage/update-garage-vehicle";

// The buyer's own cars; every procedure is the buyer's, scoped by the session's user id.
export const garageRouter = router({
  list: customerProcedure.input(z.void()).query(({ ctx }) => listGarage({ actor: ctx.actor })),
  add: customerProcedure.input(ZAddGarageVehicleInput).mutation(({ ctx, input }) => addGarageVehicle({ actor: ctx.actor, ...input })),
  updateMileage: customerProcedure.input(ZUpdateGarageMileageInput).mutation(({ ctx, input }) => updateGarageMileage({ actor: ctx.actor, ...input })),
  remove: customerProcedure.input(ZRemoveGarageVehicleInput).mutation(({ ctx, input }) => removeGarageVehicle({ actor: ctx.actor, ...input })),
});
