"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Loading } from "~/components/ui/card";
import { formatCents } from "~/modules/lending/format";
import { useTRPC } from "~/trpc/react";

/** The admin sets each dealer's price per accepted deal, in dollars; dealers' return figures use it. */
export function DealerPrices() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.analytics.dealerPrices.queryOptions());
  const save = useMutation(trpc.analytics.setPricePerDeal.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.analytics.dealerPrices.queryKey() }) }));
  const [draft, setDraft] = useState<Record<string, string>>({});
  if (list.isPending) return <Loading label="Loading dealers…" />;
  if (list.isError) return <p role="alert">Could not load the dealers.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {list.data.map((d) => {
        const id = `price-${d.id}`;
        const value = draft[d.id] ?? String(d.pricePerDealCents / 100);
        const cents = Math.round(Number(value) * 100);
        const valid = value.trim() !== "" && Number.isFinite(cents) && cents >= 0 && cents <= 10_000_000;
        return (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <label htmlFor={id} className="min-w-0 text-sm">
              <span className="font-medium">{d.name}</span> <span className="text-slate-600">{d.city}, {d.state} · now {formatCents(d.pricePerDealCents)}</span>
            </label>
            <form
              className="flex items-center gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                if (valid) save.mutate({ dealerId: d.id, pricePerDealCents: cents });
              }}
            >
              <span aria-hidden>$</span>
              <input id={id} inputMode="decimal" value={value} onChange={(e) => setDraft({ ...draft, [d.id]: e.target.value })} className="w-24 rounded-md border border-slate-300 px-2 py-1 text-sm" aria-invalid={!valid} />
              <button type="submit" disabled={!valid || save.isPending} className="rounded-md bg-brand-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-50">
                Save<span className="sr-only"> price for {d.name}</span>
              </button>
            </form>
          </li>
        );
      })}
    </ul>
  );
}
