"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ButtonLink } from "~/components/ui/button";
import { Card, Loading } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/field";
import type { QuoteFields } from "~/modules/quotes/schemas";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/trpc/errors";
import { SuggestionCard, type SuggestedUnit } from "./suggestion-card";

export type FillFromUnit = { unit: SuggestedUnit; draft: QuoteFields };

/**
 * The dealer's best three available units for this lead. "Send quote" sends the unit at its list price
 * with the dealer's defaults, priced by the server; "Fill the form" puts the same lines in the form below.
 */
export function StockSuggestions({ leadId, onSent, onFill }: { leadId: string; onSent: () => unknown; onFill: (f: FillFromUnit) => void }) {
  const trpc = useTRPC();
  const suggestions = useQuery(trpc.dealer.suggestUnits.queryOptions({ leadId }));
  const send = useMutation(trpc.dealer.sendQuoteFromUnit.mutationOptions({ onSuccess: onSent }));

  return (
    <Card>
      <section aria-labelledby="stock-h">
        <h3 id="stock-h" className="text-base font-semibold">From your stock</h3>
        {suggestions.isPending && <Loading label="Finding units in your stock that fit…" />}
        {suggestions.isError && <FormAlert>{errorMessage(suggestions.error)}</FormAlert>}
        {suggestions.data && suggestions.data.suggestions.length === 0 && (
          <div className="mt-2 space-y-2 text-sm text-slate-700" data-testid="no-suggestions">
            <p>No unit in your stock fits this request.</p>
            <div className="flex flex-wrap gap-2">
              <ButtonLink href="/dealer/inventory" variant="secondary">See your inventory</ButtonLink>
              {!suggestions.data.hasStock && <ButtonLink href="/dealer/inventory/import" variant="secondary">Import your stock</ButtonLink>}
            </div>
          </div>
        )}
        {suggestions.data && suggestions.data.suggestions.length > 0 && (
          <>
            <p className="mt-1 text-sm text-slate-600">Your best {suggestions.data.suggestions.length === 1 ? "available unit" : `${suggestions.data.suggestions.length} available units`} for this request. Estimates use your quote defaults; the monthly figure is our estimate, not a lender&apos;s offer.</p>
            {send.error && <div className="mt-2"><FormAlert>{errorMessage(send.error)}</FormAlert></div>}
            <ol className="mt-3 space-y-3">
              {suggestions.data.suggestions.map((s, i) => (
                <SuggestionCard
                  key={s.unit.id} {...s} rank={i + 1}
                  sending={send.isPending && send.variables?.unitId === s.unit.id}
                  disabled={send.isPending}
                  onSend={() => send.mutate({ leadId, unitId: s.unit.id })}
                  onFill={() => onFill({ unit: s.unit, draft: s.draft })}
                />
              ))}
            </ol>
          </>
        )}
      </section>
    </Card>
  );
}
