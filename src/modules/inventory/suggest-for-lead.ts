import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import { draftQuoteFromUnit } from "~/modules/quotes/draft-from-unit";
import { quoteDefaultsOf, quoteDefaultsSelect } from "~/modules/quotes/quote-defaults";
import { fittingUnitsForLead, rankRequestSelect } from "./suggest-units";

/**
 * The dealer's best three available units for one of its leads, each with why it fits, its estimates and
 * the quote a click would send (the same draft send-quote-from-unit.ts builds, for "Fill the form").
 * Another dealer's lead is NOT_FOUND, as a missing one is. `hasStock` tells an empty lot (import first)
 * from a lot with nothing that fits.
 */
export async function suggestUnitsForLead(dealerId: string, leadId: string) {
  const lead = await db.lead.findFirst({ where: { id: leadId, dealerId }, select: { request: { select: rankRequestSelect } } });
  if (!lead) throw notFound("Lead not found.");
  const dealer = await db.dealer.findUniqueOrThrow({ where: { id: dealerId }, select: quoteDefaultsSelect });
  const defaults = quoteDefaultsOf(dealer);
  const [ranked, anyUnit] = await Promise.all([
    fittingUnitsForLead(db, dealerId, lead.request, defaults, { limit: 3 }),
    db.inventoryUnit.findFirst({ where: { dealerId }, select: { id: true } }),
  ]);
  return {
    hasStock: anyUnit != null,
    suggestions: ranked.map(({ unit, reasons, otdCents, monthlyCents }) => ({
      unit: {
        id: unit.id, vin: unit.vin, stockNumber: unit.stockNumber, condition: unit.condition, year: unit.year, make: unit.make, model: unit.model,
        trim: unit.trim, mileage: unit.mileage, priceCents: unit.priceCents, exteriorColor: unit.exteriorColor,
      },
      reasons, otdCents, monthlyCents,
      draft: draftQuoteFromUnit(unit, defaults),
    })),
  };
}
