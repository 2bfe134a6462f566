import { db } from "~/server/db";
import { conflict } from "~/server/errors";
import { getUnitForDealerOrThrow } from "./access";
import { dealerUnitSelect } from "./selects";

/** Sets a unit's price (in cents, as given: the schema refuses anything that would need rounding). */
export async function updateUnitPrice(dealerId: string, unitId: string, priceCents: number) {
  return db.$transaction(async (tx) => {
    const unit = await getUnitForDealerOrThrow(tx, dealerId, unitId);
    if (unit.priceCents === priceCents) return tx.inventoryUnit.findUniqueOrThrow({ where: { id: unit.id }, select: dealerUnitSelect });
    return tx.inventoryUnit.update({ where: { id: unit.id }, data: { priceCents }, select: dealerUnitSelect });
  });
}

/** Marks a unit sold or back in stock. A pending unit can be sold; it goes back to available only by markAvailable. */
export async function setUnitStatus(dealerId: string, unitId: string, status: "SOLD" | "AVAILABLE") {
  return db.$transaction(async (tx) => {
    const unit = await getUnitForDealerOrThrow(tx, dealerId, unitId);
    if (unit.status === status) throw conflict(status === "SOLD" ? "This vehicle is already marked sold." : "This vehicle is already available.");
    return tx.inventoryUnit.update({ where: { id: unit.id }, data: { status }, select: dealerUnitSelect });
  });
}
