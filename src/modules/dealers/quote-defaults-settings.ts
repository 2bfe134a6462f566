import { db } from "~/server/db";
import { forbidden } from "~/server/errors";
import { quoteDefaultsOf, quoteDefaultsSelect } from "~/modules/quotes/quote-defaults";
import { STATE_TAX_TABLE, stateTaxRateBps } from "~/modules/quotes/state-tax";
import type { z } from "zod";
import type { updateQuoteDefaultsInput } from "./quote-defaults-input";

type Row = Awaited<ReturnType<typeof loadRow>>;
const settingsSelect = { ...quoteDefaultsSelect, docFeeFixed: true } as const;
const loadRow = (dealerId: string) => db.dealer.findUniqueOrThrow({ where: { id: dealerId }, select: settingsSelect });

/** What the settings page shows: the stored settings, the rate in effect, and the state table's rate with its source. */
function view(row: Row) {
  const stateRate = stateTaxRateBps(row.state);
  return {
    saved: { docFeeCents: row.docFeeCents, addOnsCents: row.addOnsCents, addOnsLabel: row.addOnsLabel, taxRateBps: row.taxRateBps, quoteValidDays: row.quoteValidDays, docFeeFixed: row.docFeeFixed },
    effective: quoteDefaultsOf(row),
    stateTable: { state: row.state, rateBps: stateRate, asOf: STATE_TAX_TABLE.asOf, source: STATE_TAX_TABLE.source },
  };
}

export async function getQuoteDefaults(dealerId: string) {
  return view(await loadRow(dealerId));
}

/** The dealer's standard quote lines; only an owner changes them, as with coverage. */
export async function updateQuoteDefaults(dealerId: string, isOwner: boolean, input: z.output<typeof updateQuoteDefaultsInput>) {
  if (!isOwner) throw forbidden("Only an owner can change quote defaults.");
  const row = await db.dealer.update({ where: { id: dealerId }, data: input, select: settingsSelect });
  return view(row);
}
