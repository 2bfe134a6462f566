"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { Inbox, InboxQuote } from "~/modules/inbox/get-inbox";
import { CONTACT_SHARE_TEXT, THREAD_ONLY_ACCEPT_TEXT } from "~/modules/consent/texts";
import { disclosure } from "~/modules/lending/amortization";
import { Button } from "~/components/ui/button";
import { FormAlert } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/trpc/errors";
import { dollars, formatApr, formatCents } from "~/components/inbox/format";

type Decision = Inbox["usableDecisions"][string][number];

/**
 * Confirms an acceptance. It sends the quote version the customer is looking at, so if the dealer revised
 * the quote meanwhile the server refuses and we show why instead of accepting a price nobody saw.
 */
export function AcceptDialog({ quote, decisions, threadOnly, onClose, onDone }: { quote: InboxQuote | null; decisions: Decision[]; threadOnly: boolean; onClose: () => void; onDone: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const trpc = useTRPC();
  const accept = useMutation(trpc.inbox.accept.mutationOptions());
  const [choice, setChoice] = useState<string>("");

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (quote && !d.open) {
      accept.reset();
      setChoice(quote.financing?.preApprovalId ?? "");
      d.showModal();
    }
    if (!quote && d.open) d.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [quote]);

  if (!quote) return <dialog ref={ref} onClose={onClose} />;
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="accept-title"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <form
        method="dialog"
        className="space-y-4 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          accept.mutate({ quoteId: quote.id, version: quote.version, preApprovalId: choice || null }, { onSuccess: onDone });
        }}
      >
        <div>
          <h2 id="accept-title" className="text-lg font-semibold text-ink">Accept {quote.dealerName}&apos;s quote?</h2>
          <p className="mt-1 text-sm text-slate-700">
            {quote.vehicle.year} {quote.vehicle.make} {quote.vehicle.model} · {dollars(quote.otdCents)} out the door. The other dealers are told your request closed.
          </p>
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Financing</legend>
          {decisions.map((d) => {
            const f = disclosure(quote.amountFinancedCents, d.aprBps, d.termMonths);
            return (
              <label key={d.id} className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                <input type="radio" name="preApproval" value={d.id} checked={choice === d.id} onChange={() => setChoice(d.id)} className="mt-1" />
                <span className="text-sm">
                  <span className="font-semibold text-ink">{d.lenderName}</span> · {formatApr(d.aprBps)} APR · {d.termMonths} months
                  <span className="block text-slate-700">{formatCents(f.monthlyPaymentCents)}/mo · finance charge {formatCents(f.financeChargeCents)}</span>
                  {d.status === "CONDITIONAL" && <span className="block text-amber-800">Conditional: {d.conditions.join(", ") || "the lender needs more documents"}</span>}
                </span>
              </label>
            );
          })}
          <label className="flex cursor-pointer items-center gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
            <input type="radio" name="preApproval" value="" checked={choice === ""} onChange={() => setChoice("")} />
            <span className="text-sm text-ink">Pay cash or arrange my own financing</span>
          </label>
        </fieldset>
        <p className="rounded-lg bg-slate-50 p-3 text-xs text-slate-700" data-testid="accept-consent">{threadOnly ? THREAD_ONLY_ACCEPT_TEXT.text : CONTACT_SHARE_TEXT.text}</p>
        {accept.error && <FormAlert>{errorMessage(accept.error)}</FormAlert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button type="button" variant="secondary" onClick={onClose}>
            {accept.error ? "Review the quote" : "Cancel"}
          </Button>
          <Button type="submit" pending={accept.isPending} disabled={!!accept.error && /changed/i.test(accept.error.message)}>
            {threadOnly ? "Accept" : "Accept and share my contact"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
