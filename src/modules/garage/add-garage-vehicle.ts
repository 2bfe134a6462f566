import type { Actor } from "~/server/auth/actor";
import { db } from "~/server/db";
import { badRequest, isUniqueViolation } from "~/server/errors";
import { checkGarageVin } from "./garage-rules";
import type { AddGarageVehicleInput } from "./schemas";
import { garageVehicleSelect } from "./select";

export const ALREADY_IN_GARAGE = "This VIN is already in your garage.";

/** The buyer adds a car by hand: the VIN is checked (garage-rules.ts), the make comes from the VIN when left empty. */
export async function addGarageVehicle({ actor, ...input }: { actor: Actor } & AddGarageVehicleInput) {
  const check = checkGarageVin(input.vin, input.year, input.make);
  if (!check.ok) throw badRequest(Object.values(check.fields)[0]!, check.fields);
  try {
    return await db.garageVehicle.create({
      data: {
        customerId: actor.userId, vin: input.vin, year: input.year, make: check.make, model: input.model,
        trim: input.trim || null, mileage: input.mileage ?? null, source: "ADDED_BY_HAND",
      },
      select: garageVehicleSelect,
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw badRequest(ALREADY_IN_GARAGE, { vin: ALREADY_IN_GARAGE });
    throw e;
  }
}
