import { db } from "~/server/db";
import { AppError, conflict, isUniqueViolation } from "~/server/errors";
import type { DealerApiCaller } from "~/modules/lender-api/api-keys";
import { createQuoteInTx } from "./create-quote";
import { dealerLeadOrNotFound } from "./quote-lead";
import type { ApiQuoteCreated } from "./api-schemas";
import type { SubmitQuoteInput } from "./schemas";

// Thrown to roll a test key's quote back after every check has run.
class DryRun extends Error {
  constructor(readonly result: ApiQuoteCreated) {
    super("dry run");
  }
}

/**
 * A quote sent with a dealer API key: the same lead check, rules and buyer's terms as the form (both go
 * through createQuoteInTx). A test key runs all of it in a transaction that is then rolled back, so an
 * integrator sees the real answer and no buyer gets a quote. A field refusal names its field in the
 * message ("addOnsCents: …"), since an API caller has no form to show it beside.
 */
export async function submitQuoteFromApi(caller: DealerApiCaller, input: Omit<SubmitQuoteInput, "inventoryUnitId">): Promise<ApiQuoteCreated> {
  const { leadId, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const lead = await dealerLeadOrNotFound(tx, caller.dealerId, leadId);
      const q = await createQuoteInTx(tx, { dealerId: caller.dealerId, lead, fields });
      const result = { id: q.id, version: q.version, otdCents: q.otdCents, amountFinancedCents: q.amountFinancedCents, dryRun: caller.mode === "TEST" };
      if (caller.mode === "TEST") throw new DryRun(result);
      return result;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.result;
    if (isUniqueViolation(e)) throw conflict("You already have a live quote on this request. Revise it in the dashboard instead.");
    if (e instanceof AppError && e.fields && Object.keys(e.fields).length > 0) {
      throw new AppError(e.code, Object.entries(e.fields).map(([k, m]) => `${k}: ${m}`).join(" "), e.fields);
    }
    throw e;
  }
}
