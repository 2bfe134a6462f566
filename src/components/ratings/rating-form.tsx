"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { Button } from "~/components/ui/button";
import { FormAlert } from "~/components/ui/field";
import { REASON_KEYS, REASONS, type ReasonKey } from "~/modules/ratings/reasons";

/** The buyer's rating of the dealer or the lender after delivery: stars, the reasons that were true, a comment. */
export function RatingForm({ dealId, target, name, requestId }: { dealId: string; target: "DEALER" | "LENDER"; name: string; requestId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const rate = useMutation(
    trpc.inbox.rate.mutationOptions({
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: trpc.inbox.deal.queryKey({ requestId }) });
        // The dealer's figures on the cards include this rating.
        void qc.invalidateQueries({ queryKey: trpc.inbox.get.queryKey({ requestId }) });
      },
    }),
  );
  const [stars, setStars] = useState(0);
  const errors = fieldErrors(rate.error);
  const whose = target === "DEALER" ? "dealer" : "lender";
  return (
    <form
      className="space-y-3"
      aria-label={`Rate ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const comment = String(f.get("comment") ?? "");
        const reasons = REASON_KEYS.filter((k) => f.get(`reason-${k}`) === "on");
        rate.mutate({ dealId, target, stars, reasons, comment: comment || undefined, signed: f.get("signed") === "on" });
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
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Tick what was true</legend>
        <p className="text-xs text-slate-600">Left unticked counts as &ldquo;did not say so&rdquo; in the {whose}&apos;s figures.</p>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {REASON_KEYS.map((k: ReasonKey) => (
            <label key={k} className="flex items-center gap-2 text-sm text-ink">
              <input type="checkbox" name={`reason-${k}`} className="h-4 w-4" />
              {REASONS[k].label}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block text-sm font-medium text-slate-800">
        Comment (optional, up to 1,000 characters)
        <textarea name="comment" rows={2} maxLength={1000} aria-invalid={errors.comment ? true : undefined} className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm" />
      </label>
      {errors.comment && <p className="text-sm text-red-700">{errors.comment}</p>}
      <label className="flex items-start gap-2 text-sm text-ink">
        <input type="checkbox" name="signed" className="mt-0.5 h-4 w-4" />
        <span>
          Show my first name with this rating
          <span className="block text-xs text-slate-600">Otherwise it shows as &ldquo;A verified buyer&rdquo;, to the {whose} and to other buyers.</span>
        </span>
      </label>
      {rate.error && !errors.stars && !errors.comment && <FormAlert>{errorMessage(rate.error)}</FormAlert>}
      <Button type="submit" variant="secondary" disabled={stars === 0} pending={rate.isPending}>Submit rating</Button>
    </form>
  );
}
