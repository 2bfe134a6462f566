import type { BodyType, VehicleCondition } from "~/generated/prisma/enums";
import type { QuoteDefaults } from "./quote-defaults";
import type { QuoteFields } from "./schemas";

/** What a draft needs of a stock unit. */
export type DraftUnit = {
  vin: string; condition: VehicleCondition; year: number; make: string; model: string; trim: string | null;
  bodyType: BodyType | null; mileage: number; priceCents: number;
};

export const DAY_MS = 86_400_000;

/** List price less a discount in basis points (250 = 2.5%), rounded down to whole dollars in the buyer's favour. */
export function discountedPriceCents(priceCents: number, discountBps: number): number {
  if (!Number.isInteger(discountBps) || discountBps < 0 || discountBps > 10_000) throw new RangeError("discountBps must be 0–10000");
  if (discountBps === 0) return priceCents;
  const exact = priceCents - Math.ceil((priceCents * discountBps) / 10_000);
  return Math.floor(exact / 100) * 100;
}

/**
 * Sales tax on the taxable lines (vehicle + doc fee + add-ons), rounded half up to the cent. The trade-in
 * credit is not deducted: the draft never includes a trade-in offer, and the dealer can edit the tax line.
 */
export function taxCents(taxableCents: number, rateBps: number): number {
  return Math.floor((taxableCents * rateBps + 5_000) / 10_000);
}

/**
 * A quote filled from a unit and the dealer's defaults: the vehicle, its list price (less any discount),
 * the standard doc fee and add-ons, the tax at the default rate, and the default validity. The server
 * computes the out-the-door total from these lines (pricing.ts), as for any quote.
 */
export function draftQuoteFromUnit(unit: DraftUnit, defaults: QuoteDefaults, opts: { discountBps?: number; now?: Date } = {}): QuoteFields {
  const vehiclePriceCents = discountedPriceCents(unit.priceCents, opts.discountBps ?? 0);
  const now = opts.now ?? new Date();
  return {
    year: unit.year, make: unit.make, model: unit.model, trim: unit.trim ?? undefined, vin: unit.vin,
    condition: unit.condition, mileage: unit.mileage, inStock: true,
    vehiclePriceCents, feesCents: defaults.docFeeCents, addOnsCents: defaults.addOnsCents, incentivesCents: 0, tradeInOfferCents: 0,
    taxCents: taxCents(vehiclePriceCents + defaults.docFeeCents + defaults.addOnsCents, defaults.taxRateBps),
    validUntil: new Date(now.getTime() + Math.max(1, defaults.quoteValidDays) * DAY_MS),
  };
}
