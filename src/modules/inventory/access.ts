import type { Actor } from "~/server/auth/actor";
import { AppError, forbidden, notFound } from "~/server/errors";
import type { Prisma } from "~/generated/prisma/client";

/** The dealership an actor acts for; anyone else is refused here, so no use-case can forget the check. */
export function dealerIdOf(actor: Actor | null): string {
  if (!actor) throw new AppError("UNAUTHORIZED", "Please sign in.");
  if (actor.role !== "DEALER" || !actor.dealerId) throw forbidden("Inventory is for dealer accounts.");
  return actor.dealerId;
}

/** Another dealer's unit is NOT_FOUND, exactly as a missing id: ids reveal nothing. */
export async function getUnitForDealerOrThrow(tx: Prisma.TransactionClient, dealerId: string, unitId: string) {
  const unit = await tx.inventoryUnit.findFirst({ where: { id: unitId, dealerId }, select: { id: true, status: true, priceCents: true } });
  if (!unit) throw notFound("Vehicle not found.");
  return unit;
}
