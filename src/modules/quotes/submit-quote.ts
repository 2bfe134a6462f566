import { badRequest, conflict, isUniqueViolation } from "~/server/errors";
import { db, type Tx } from "~/server/db";
import { createQuoteInTx } from "./create-quote";
import type { SubmitQuoteInput } from "./schemas";

// The lead and price helpers live in quote-lead.ts (create-quote.ts imports them without importing this
// file back); re-exported for the callers that import them from here.
export { dealerLeadOrNotFound, pricedColumns, requestForQuoteSelect } from "./quote-lead";
import { dealerLeadOrNotFound } from "./quote-lead";

/**
 * The unit a form-filled quote stays linked to: the dealer's own available unit, found by dealer (another
 * dealer's id reads as a missing one). A quote whose VIN was edited away from the unit's is another car,
 * so it is sent without the link, as the form says.
 */
async function linkedUnitId(tx: Tx, dealerId: string, unitId: string | undefined, vin: string) {
  if (!unitId) return null;
  const unit = await tx.inventoryUnit.findFirst({ where: { id: unitId, dealerId }, select: { vin: true, status: true } });
  if (!unit) throw badRequest("The stock unit this form was filled from is no longer in your inventory. Fill the form again, or send it unlinked.", { inventoryUnitId: "Not in your inventory." });
  if (unit.status !== "AVAILABLE") throw conflict(`The stock unit this form was filled from is ${unit.status === "SOLD" ? "sold" : "pending a sale"}. Pick another unit, or send the quote unlinked.`);
  return unit.vin === vin.trim().toUpperCase() ? unitId : null;
}

// Thrown to roll a dry run back after every check has run and the quote was priced.
class DryRun extends Error {
  constructor(readonly quote: Awaited<ReturnType<typeof createQuoteInTx>>) {
    super("dry run");
  }
}

/**
 * A quote from the form or the dealer API. `dryRun` (an API test key) runs every check and the pricing in
 * the transaction and then rolls it back, so nothing is stored and no buyer is told.
 */
export async function submitQuote(dealerId: string, input: SubmitQuoteInput, opts: { dryRun?: boolean } = {}) {
  const { leadId, inventoryUnitId, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const lead = await dealerLeadOrNotFound(tx, dealerId, leadId);
      const quote = await createQuoteInTx(tx, { dealerId, lead, fields, inventoryUnitId: await linkedUnitId(tx, dealerId, inventoryUnitId, fields.vin) });
      if (opts.dryRun) throw new DryRun(quote);
      return quote;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.quote;
    // The partial unique index Quote_one_live_per_lead: a concurrent or repeated submit.
    if (isUniqueViolation(e)) throw conflict("You already have a live quote on this request. Revise it instead.");
    throw e;
  }
}
