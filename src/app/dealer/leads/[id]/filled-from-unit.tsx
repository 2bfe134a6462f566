import { Button } from "~/components/ui/button";
import type { QuoteDefaults } from "~/modules/quotes/quote-defaults";
import { DAY_MS } from "~/modules/quotes/draft-from-unit";
import type { QuoteDraft } from "./quote-form";
import type { SuggestedUnit } from "./suggestion-card";

/** A blank quote's lines from the dealer's defaults: doc fee, add-ons and validity (tax follows the rate as the price is typed). */
export function blankFromDefaults(d: QuoteDefaults): QuoteDraft {
  return { feesCents: d.docFeeCents, addOnsCents: d.addOnsCents, validUntil: new Date(Date.now() + d.quoteValidDays * DAY_MS) };
}

/** Says where the form's lines came from, and what keeps the quote linked to the unit. */
export function FilledNotice({ unit, linked, onUnlink }: { unit: SuggestedUnit; linked: boolean; onUnlink: () => void }) {
  const name = `${unit.year} ${unit.make} ${unit.model}`;
  return (
    <div className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-700" role="status" data-testid="filled-notice">
      {linked ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="min-w-0 break-words">
            Filled from your {name} (VIN {unit.vin}) and your quote defaults. Edit any line. The quote is sent linked to this stock unit, unless you change the VIN or unlink it.
          </p>
          <Button type="button" variant="ghost" onClick={onUnlink}>Unlink</Button>
        </div>
      ) : (
        <p>Filled from your {name}; not linked to it. The quote is sent as typed.</p>
      )}
    </div>
  );
}
