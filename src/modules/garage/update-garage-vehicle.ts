import type { Actor } from "~/server/auth/actor";
import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import type { UpdateGarageMileageInput } from "./schemas";
import { garageVehicleSelect } from "./select";

// Scoped by owner in the WHERE: another buyer's id matches no row and gets the same NOT_FOUND as a missing id.
export async function updateGarageMileage({ actor, id, mileage }: { actor: Actor } & UpdateGarageMileageInput) {
  const r = await db.garageVehicle.updateMany({ where: { id, customerId: actor.userId }, data: { mileage } });
  if (r.count === 0) throw notFound("Car not found.");
  return db.garageVehicle.findUniqueOrThrow({ where: { id }, select: garageVehicleSelect });
}
