import type { Prisma } from "~/generated/prisma/client";

/** What the buyer sees of their own cars. Only ever read scoped by the buyer's id. */
export const garageVehicleSelect = {
  id: true, vin: true, year: true, make: true, model: true, trim: true, mileage: true, source: true, addedAt: true,
} satisfies Prisma.GarageVehicleSelect;
