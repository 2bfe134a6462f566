import type { Tx } from "~/server/db";

/** Whether this VIN is in the buyer's garage: the quote path refuses to offer a buyer their own car. */
export async function inBuyersGarage(tx: Tx, customerId: string, vin: string) {
  return (await tx.garageVehicle.count({ where: { customerId, vin } })) > 0;
}
