import { db } from "~/server/db";
import { conflict } from "~/server/errors";
import { flagQuotesForUnits } from "~/modules/quotes/flag-unit-quotes";
import { getUnitForDealerOrThrow } from "./access";
import { dealerUnitSelect } from "./selects";

/**
 * Sets a unit's price (in cents, as given: the schema refuses anything that would need rounding). Open
 * quotes made from the unit are flagged in the same transaction, so no buyer accepts a price the dealer
 * no longer stands behind without the dealer re-confirming it.
 */
export async function updateUnitPrice(dealerId: string, unitId: string, priceCents: number) {
  return db.$transaction(async (tx) => {
    const unit = await getUnitForDealerOrThrow(tx, dealerId, unitId);
    if (unit.priceCents === priceCents) return tx.inventoryUnit.findUniqueOrThrow({ where: { id: unit.id }, select: dealerUnitSelect });
    const updated = await tx.inventoryUnit.update({ where: { id: unit.id }, data: { priceCents }, select: dealerUnitSelect });
    await flagQuotesForUnits(tx, [{ unitId: unit.id, change: "PRICE_CHANGED" }]);
    return updated;
  });
}

/**
 * Marks a unit sold or back in stock. A pending unit can be sold; it goes back to available only by
 * markAvailable. Selling flags the unit's open quotes in the same transaction. Back in stock clears no
 * flag: the dealer still re-confirms each quote, since the car may have come back different.
 */
export async function setUnitStatus(dealerId: string, unitId: string, status: "SOLD" | "AVAILABLE") {
  return db.$transaction(async (tx) => {
    const unit = await getUnitForDealerOrThrow(tx, dealerId, unitId);
    if (unit.status === status) throw conflict(status === "SOLD" ? "This vehicle is already marked sold." : "This vehicle is already available.");
    const updated = await tx.inventoryUnit.update({ where: { id: unit.id }, data: { status }, select: dealerUnitSelect });
    if (status === "SOLD") await flagQuotesForUnits(tx, [{ unitId: unit.id, change: "SOLD" }]);
    return updated;
  });
}
