"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge, EmptyState, Loading } from "~/components/ui/card";
import { usd, shortDate } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

/** The quotes on a request, cheapest out-the-door first. (The full comparison inbox replaces this.) */
export function QuotesList({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const quotes = useQuery(trpc.requests.quotes.queryOptions({ requestId }));
  if (quotes.isPending) return <Loading label="Loading quotes…" />;
  if (quotes.isError) return <p role="alert" className="text-sm text-red-700">We could not load the quotes. Please reload.</p>;
  if (quotes.data.length === 0) return <EmptyState title="No quotes yet" body="Dealers usually answer within a few hours. New quotes appear here as they arrive." />;
  return (
    <ul className="space-y-3" data-testid="quotes-list" aria-live="polite">
      {quotes.data.map((q) => (
        <li key={q.id} className={`rounded-xl border bg-white p-4 shadow-sm sm:p-5 ${q.status === "ACTIVE" ? "border-slate-200" : "border-slate-200 opacity-70"}`} data-testid="quote">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="font-semibold text-ink">{q.year} {q.make} {q.model}{q.trim ? ` ${q.trim}` : ""}</p>
              <p className="text-sm text-slate-600">
                {q.dealer.name} · {q.dealer.city}, {q.dealer.state} · {Math.round(q.lead.distanceMiles)} mi
              </p>
              <p className="mt-1 text-xs text-slate-600">{q.mileage.toLocaleString("en-US")} mi · {q.inStock ? "In stock" : "Can be ordered"} · valid until {shortDate(q.validUntil)}</p>
            </div>
            <div className="text-right">
              <p className="text-xs uppercase tracking-wide text-slate-600">Out the door</p>
              <p className="text-2xl font-bold text-ink" data-testid="quote-otd">{usd(q.otdCents)}</p>
              {q.status !== "ACTIVE" && <Badge tone="amber">{q.status === "WITHDRAWN" ? "Withdrawn" : q.status.toLowerCase()}</Badge>}
            </div>
          </div>
          {q.status === "WITHDRAWN" && q.withdrawnReason && <p className="mt-2 text-sm text-amber-800">Withdrawn: {q.withdrawnReason}</p>}
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer font-medium text-brand-700">Price breakdown</summary>
            <dl className="mt-2 grid max-w-sm grid-cols-2 gap-y-1">
              <dt className="text-slate-600">Vehicle</dt><dd className="text-right">{usd(q.vehiclePriceCents, { cents: true })}</dd>
              <dt className="text-slate-600">Dealer fees</dt><dd className="text-right">{usd(q.feesCents, { cents: true })}</dd>
              <dt className="text-slate-600">Add-ons</dt><dd className="text-right">{usd(q.addOnsCents, { cents: true })}</dd>
              <dt className="text-slate-600">Incentives</dt><dd className="text-right">−{usd(q.incentivesCents, { cents: true })}</dd>
              <dt className="text-slate-600">Estimated tax</dt><dd className="text-right">{usd(q.taxCents, { cents: true })}</dd>
              <dt className="font-semibold">Out the door</dt><dd className="text-right font-semibold">{usd(q.otdCents, { cents: true })}</dd>
              <dt className="text-slate-600">Trade-in offer</dt><dd className="text-right">{usd(q.tradeInOfferCents, { cents: true })}</dd>
              <dt className="text-slate-600">Amount financed</dt><dd className="text-right">{usd(q.amountFinancedCents, { cents: true })}</dd>
            </dl>
          </details>
        </li>
      ))}
    </ul>
  );
}
