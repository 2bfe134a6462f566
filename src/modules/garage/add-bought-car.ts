import type { Tx } from "~/server/db";

/**
 * Inside the delivery's transaction: the delivered car joins the buyer's garage. A VIN the buyer had
 * already typed in becomes BOUGHT_HERE with this deal, so one car is never listed twice.
 */
export async function addBoughtCarInTx(tx: Tx, customerId: string, dealId: string, car: { vin: string; year: number; make: string; model: string; trim: string | null; mileage: number }) {
  await tx.garageVehicle.upsert({
    where: { customerId_vin: { customerId, vin: car.vin } },
    create: { customerId, dealId, source: "BOUGHT_HERE", ...car },
    update: { dealId, source: "BOUGHT_HERE", year: car.year, make: car.make, model: car.model, trim: car.trim, mileage: car.mileage },
    select: { id: true },
  });
}
