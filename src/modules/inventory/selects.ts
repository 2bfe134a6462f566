import type { Prisma } from "~/generated/prisma/client";

/** What the dealer's inventory page shows of a unit. */
export const dealerUnitSelect = {
  id: true, vin: true, stockNumber: true, condition: true, year: true, make: true, model: true, trim: true,
  bodyType: true, mileage: true, priceCents: true, msrpCents: true, exteriorColor: true, inStockSince: true,
  features: true, status: true, updatedAt: true,
} satisfies Prisma.InventoryUnitSelect;

/** The columns an import compares, to tell an unchanged row from an update. */
export const importCompareSelect = {
  id: true, vin: true, stockNumber: true, condition: true, year: true, make: true, model: true, trim: true,
  bodyType: true, mileage: true, priceCents: true, msrpCents: true, exteriorColor: true, inStockSince: true, features: true, status: true,
} satisfies Prisma.InventoryUnitSelect;
