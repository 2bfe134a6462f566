"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { Button } from "~/components/ui/button";
import { FormAlert } from "~/components/ui/field";
import { dollars, formatApr } from "~/components/inbox/format";
import { BuyerDelivery } from "~/components/deals/buyer-delivery";
import { KeepInTouchForm } from "~/components/inbox/keep-in-touch-form";

function RatingForm({ dealId, target, name, requestId }: { dealId: string; target: "DEALER" | "LENDER"; name: string; requestId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const rate = useMutation(
    trpc.inbox.rate.mutationOptions({
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: trpc.inbox.deal.queryKey({ requestId }) });
        // The dealer's average on the cards includes this rating.
        void qc.invalidateQueries({ queryKey: trpc.inbox.get.queryKey({ requestId }) });
      },
    }),
  );
  const [stars, setStars] = useState(0);
  const errors = fieldErrors(rate.error);
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        const comment = String(new FormData(e.currentTarget).get("comment") ?? "");
        rate.mutate({ dealId, target, stars, comment: comment || undefined });
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Rate {name}</legend>
        <div className="mt-1 flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer">
              <input type="radio" name={`stars-${target}`} value={n} className="peer sr-only" checked={stars === n} onChange={() => setStars(n)} />
              <span aria-hidden className={`text-2xl peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-brand-500 ${n <= stars ? "text-amber-500" : "text-slate-300"}`}>★</span>
              <span className="sr-only">{n} star{n > 1 ? "s" : ""}</span>
            </label>
          ))}
        </div>
        {errors.stars && <p className="text-sm text-red-700">{errors.stars}</p>}
      </fieldset>
      <label className="block text-sm font-medium text-slate-800">
        Comment (optional)
        <textarea name="comment" rows={2} maxLength={1000} className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm" />
      </label>
      {rate.error && !errors.stars && <FormAlert>{errorMessage(rate.error)}</FormAlert>}
      <Button type="submit" variant="secondary" disabled={stars === 0} pending={rate.isPending}>Submit rating</Button>
    </form>
  );
}

/** After acceptance: what was agreed, that the dealer now has the contact details, and the ratings. */
export function DealPanel({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const deal = useQuery(trpc.inbox.deal.queryOptions({ requestId }));
  if (!deal.data) return null;
  const d = deal.data;
  const rated = (t: "DEALER" | "LENDER") => d.ratings.find((r) => r.target === t);
  return (
    <section aria-labelledby="deal-title" className="mb-6 rounded-xl border border-green-300 bg-green-50 p-4 sm:p-6" data-testid="deal-panel">
      <h2 id="deal-title" className="text-lg font-semibold text-green-900">You accepted {d.dealer.name}&apos;s quote</h2>
      <p className="mt-1 text-sm text-green-900">
        {d.quote.year} {d.quote.make} {d.quote.model} · {dollars(d.otdCents)} out the door
        {d.lender && d.preApproval?.aprBps != null ? ` · financed by ${d.lender.name} at ${formatApr(d.preApproval.aprBps)} for ${d.preApproval.termMonths} months` : ""}.
        {" "}{d.dealer.name} now has your name, email and phone to finish the purchase; the other dealers were told the request closed.
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div className="rounded-lg bg-white p-3 text-sm text-ink" data-testid="deal-dealer">
          <h3 className="font-medium text-slate-800">Where to go</h3>
          <address className="mt-1 not-italic">
            {d.dealer.name}<br />
            {d.dealer.street}<br />
            {d.dealer.city}, {d.dealer.state} {d.dealer.zip}
          </address>
          <p className="mt-1">
            {d.dealer.phone ? <>Phone: <a className="text-brand-700 underline" href={`tel:${d.dealer.phone.replace(/[^\d+]/g, "")}`}>{d.dealer.phone}</a></> : "No phone on file: use the message thread below."}
          </p>
        </div>
        <div className="rounded-lg bg-white p-3 text-sm text-ink">
          <h3 className="font-medium text-slate-800">Next steps</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            <li>{d.dealer.name} will contact you to set a time; you can also call or message them.</li>
            <li>Bring your driver&apos;s license and proof of insurance{d.lender ? `, and your ${d.lender.name} pre-approval` : ""}.</li>
            <li>If you are trading in, bring the car, its title or payoff details, and all keys.</li>
            <li>Check the vehicle and that the paperwork shows {dollars(d.otdCents)} out the door before you sign.</li>
          </ol>
        </div>
      </div>
      <BuyerDelivery requestId={requestId} />
      <KeepInTouchForm dealId={d.id} dealerName={d.dealer.name} />
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        {(["DEALER", "LENDER"] as const).map((t) => {
          const name = t === "DEALER" ? d.dealer.name : d.lender?.name;
          if (!name) return null;
          const r = rated(t);
          return (
            <div key={t} className="rounded-lg bg-white p-3">
              {r ? (
                <p className="text-sm text-ink">
                  You rated {name} <span className="text-amber-600" aria-label={`${r.stars} stars`}>{"★".repeat(r.stars)}</span>
                  {r.comment ? ` — “${r.comment}”` : ""}
                </p>
              ) : (
                <RatingForm dealId={d.id} target={t} name={name} requestId={requestId} />
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
