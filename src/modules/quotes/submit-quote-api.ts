import { AppError } from "~/server/errors";
import type { DealerApiCaller } from "~/modules/lender-api/api-keys";
import type { ApiQuoteCreated } from "./api-schemas";
import type { SubmitQuoteInput } from "./schemas";
import { submitQuote } from "./submit-quote";

/**
 * A quote sent with a dealer API key: the form's own use-case (the same lead check, rules and buyer's
 * terms). A test key is a dry run, so an integrator sees the real answer and no buyer gets a quote. A field
 * refusal names its field in the message ("addOnsCents: …"), since an API caller has no form to show it beside.
 */
export async function submitQuoteFromApi(caller: DealerApiCaller, input: Omit<SubmitQuoteInput, "inventoryUnitId">): Promise<ApiQuoteCreated> {
  const dryRun = caller.mode === "TEST";
  try {
    const q = await submitQuote(caller.dealerId, input, { dryRun });
    return { id: q.id, version: q.version, otdCents: q.otdCents, amountFinancedCents: q.amountFinancedCents, dryRun };
  } catch (e) {
    if (e instanceof AppError && e.fields && Object.keys(e.fields).length > 0) {
      throw new AppError(e.code, Object.entries(e.fields).map(([k, m]) => `${k}: ${m}`).join(" "), e.fields);
    }
    throw e;
  }
}
