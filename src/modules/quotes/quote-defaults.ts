import type { Prisma } from "~/generated/prisma/client";
import { STATE_TAX_TABLE, stateTaxRateBps } from "./state-tax";

/** A dealer's standard quote lines: what a quote drafted from stock starts with. */
export type QuoteDefaults = {
  docFeeCents: number;
  addOnsCents: number;
  addOnsLabel: string | null;
  taxRateBps: number;
  /** Where the rate comes from: the dealer's own setting, or the dated state table (with its source). */
  taxRateSource: { kind: "dealer" } | { kind: "state-table"; state: string; asOf: string; source: string };
  quoteValidDays: number;
};

export const quoteDefaultsSelect = {
  state: true, docFeeCents: true, addOnsCents: true, addOnsLabel: true, taxRateBps: true, quoteValidDays: true,
} satisfies Prisma.DealerSelect;

type DefaultsRow = Prisma.DealerGetPayload<{ select: typeof quoteDefaultsSelect }>;

/** The dealer's defaults, with its tax rate taken from the state table until the dealer sets one. */
export function quoteDefaultsOf(d: DefaultsRow): QuoteDefaults {
  const own = d.taxRateBps;
  const taxRateBps = own ?? stateTaxRateBps(d.state) ?? 0;
  return {
    docFeeCents: d.docFeeCents,
    addOnsCents: d.addOnsCents,
    addOnsLabel: d.addOnsLabel,
    taxRateBps,
    taxRateSource: own != null ? { kind: "dealer" } : { kind: "state-table", state: d.state, asOf: STATE_TAX_TABLE.asOf, source: STATE_TAX_TABLE.source },
    quoteValidDays: d.quoteValidDays,
  };
}
