import type { Actor } from "~/server/auth/actor";
import { db } from "~/server/db";
import { notFound } from "~/server/errors";

// Scoped by owner: another buyer's id deletes nothing and gets the same NOT_FOUND as a missing id.
export async function removeGarageVehicle({ actor, id }: { actor: Actor; id: string }) {
  const r = await db.garageVehicle.deleteMany({ where: { id, customerId: actor.userId } });
  if (r.count === 0) throw notFound("Car not found.");
  return { id };
}
