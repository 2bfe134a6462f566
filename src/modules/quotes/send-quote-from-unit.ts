import { z } from "zod";
import { db } from "~/server/db";
import { AppError, badRequest, conflict, isUniqueViolation, notFound } from "~/server/errors";
import { assessUnit } from "~/modules/inventory/rank-units";
import { rankRequestSelect } from "~/modules/inventory/suggest-units";
import { createQuoteInTx } from "./create-quote";
import { draftQuoteFromUnit } from "./draft-from-unit";
import { quoteDefaultsOf, quoteDefaultsSelect } from "./quote-defaults";
import { dealerLeadOrNotFound } from "./quote-lead";

export const sendQuoteFromUnitInput = z.object({ leadId: z.string().min(1).max(40), unitId: z.string().min(1).max(40) }).strict();
export type SendQuoteFromUnitInput = z.infer<typeof sendQuoteFromUnitInput>;

const unitSelect = {
  id: true, status: true, vin: true, condition: true, year: true, make: true, model: true, trim: true, bodyType: true,
  mileage: true, priceCents: true, features: true, inStockSince: true,
} as const;

/**
 * One click on a suggested unit: the quote is the unit at its list price with the dealer's defaults
 * (draftQuoteFromUnit), priced by the server like any quote. The lead and the unit are both loaded by
 * dealer, so another dealer's id is NOT_FOUND exactly as a missing one. The unit must still be available
 * and still fit the request as it is now (it may have been sold, repriced or the request edited since the
 * page was drawn).
 */
export async function sendQuoteFromUnit(dealerId: string, { leadId, unitId }: SendQuoteFromUnitInput) {
  try {
    return await db.$transaction(async (tx) => {
      const lead = await dealerLeadOrNotFound(tx, dealerId, leadId);
      const unit = await tx.inventoryUnit.findFirst({ where: { id: unitId, dealerId }, select: unitSelect });
      if (!unit) throw notFound("Unit not found.");
      if (unit.status !== "AVAILABLE") throw conflict(`This unit is ${unit.status === "SOLD" ? "sold" : "pending a sale"}, so it cannot be quoted. Pick another, or fill the form by hand.`);
      const [request, dealer] = await Promise.all([
        tx.request.findUniqueOrThrow({ where: { id: lead.request.id }, select: rankRequestSelect }),
        tx.dealer.findUniqueOrThrow({ where: { id: dealerId }, select: quoteDefaultsSelect }),
      ]);
      const defaults = quoteDefaultsOf(dealer);
      const fit = assessUnit(request, unit, defaults);
      if (!fit.fits) throw conflict(`This unit no longer fits the request: ${fit.misses.join("; ")}.`);
      return createQuoteInTx(tx, { dealerId, lead, fields: draftQuoteFromUnit(unit, defaults), inventoryUnitId: unit.id });
    });
  } catch (e) {
    // The partial unique index Quote_one_live_per_lead: a second click, or a quote sent meanwhile.
    if (isUniqueViolation(e)) throw conflict("You already have a live quote on this request. Revise it instead.");
    // A line refused (the buyer's terms, say): there is no form on a one-click send to show it beside, so
    // the sentence says what, and where to change it.
    if (e instanceof AppError && e.code === "BAD_REQUEST" && e.fields && Object.keys(e.fields).length > 0) {
      throw badRequest(`Not sent: ${Object.values(e.fields).join(" ")} Use "Fill the form" on this unit to change the line.`);
    }
    throw e;
  }
}
