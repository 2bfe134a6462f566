import { Card } from "~/components/ui/card";
import { describeTerms, hasTerms, type BuyerTerms } from "~/modules/requests/buyer-terms";

/** The buyer's own terms, above the quote: a quote that breaks one is refused, so the dealer reads them first. */
export function LeadTerms({ terms }: { terms: BuyerTerms }) {
  if (!hasTerms(terms)) return null;
  return (
    <Card>
      <h3 className="text-sm font-semibold">The buyer&apos;s terms</h3>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="lead-terms">
        {describeTerms(terms).map((t) => <li key={t.key}>{t.text}</li>)}
      </ul>
      <p className="mt-3 text-xs text-slate-600">Keyturn refuses a quote that breaks any of these, from the form, the API or your automatic rule.</p>
    </Card>
  );
}
