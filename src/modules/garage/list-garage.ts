import type { Actor } from "~/server/auth/actor";
import { db } from "~/server/db";
import { garageVehicleSelect } from "./select";

export async function listGarage({ actor }: { actor: Actor }) {
  return db.garageVehicle.findMany({ where: { customerId: actor.userId }, select: garageVehicleSelect, orderBy: [{ addedAt: "desc" }, { id: "asc" }] });
}
