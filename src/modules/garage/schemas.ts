import { z } from "zod";

const id = z.string().min(1).max(40);
const thisYear = () => new Date().getUTCFullYear();

export const ZAddGarageVehicleInput = z
  .object({
    // Upper-cased and trimmed here; the VIN rules (vin.ts) run in garage-rules.ts so each gives a field message.
    vin: z.string().trim().toUpperCase().max(40),
    year: z.number().int().min(1981).max(thisYear() + 2),
    make: z.string().trim().max(40).optional(),
    model: z.string().trim().min(1, "Enter the model.").max(60),
    trim: z.string().trim().max(60).optional(),
    mileage: z.number().int().min(0).max(2_000_000).optional(),
  })
  .strict();
export type AddGarageVehicleInput = z.infer<typeof ZAddGarageVehicleInput>;

export const ZUpdateGarageMileageInput = z.object({ id, mileage: z.number().int().min(0).max(2_000_000) }).strict();
export type UpdateGarageMileageInput = z.infer<typeof ZUpdateGarageMileageInput>;

export const ZRemoveGarageVehicleInput = z.object({ id }).strict();
