"use client";

import type { ReactNode } from "react";
import type { InboxQuote } from "~/modules/inbox/get-inbox";
import { totalCostCents } from "~/modules/inbox/ranking";
import { QuoteFlags, type QuoteActions } from "~/components/inbox/quote-card";
import { dollars, formatApr, formatCents, miles, rating, replyTime, shortDate, usualSpeed, honoured } from "~/components/inbox/format";
import { possessive } from "~/lib/format";

type Row = { label: string; cell: (q: InboxQuote) => ReactNode; strong?: boolean };

const rows: Row[] = [
  { label: "Vehicle", cell: (q) => `${q.vehicle.year} ${q.vehicle.make} ${q.vehicle.model}${q.vehicle.trim ? ` ${q.vehicle.trim}` : ""}` },
  { label: "Out the door", cell: (q) => dollars(q.otdCents), strong: true },
  { label: "Monthly payment", cell: (q) => (q.financing ? `${formatCents(q.financing.monthlyPaymentCents)}/mo` : q.lenders.pending ? "Lenders deciding…" : "—"), strong: true },
  { label: "APR · term", cell: (q) => (q.financing ? `${formatApr(q.financing.aprBps)} · ${q.financing.termMonths} mo` : "—") },
  { label: "Lender", cell: (q) => q.financing?.lenderName ?? "—" },
  { label: "Amount financed", cell: (q) => formatCents(q.financing?.amountFinancedCents ?? q.amountFinancedCents) },
  { label: "Finance charge", cell: (q) => (q.financing ? formatCents(q.financing.financeChargeCents) : "—") },
  { label: "Total of payments", cell: (q) => (q.financing ? formatCents(q.financing.totalOfPaymentsCents) : "—") },
  { label: "Total cost", cell: (q) => dollars(totalCostCents(q)), strong: true },
  { label: "Distance", cell: (q) => miles(q.distanceMiles) },
  { label: "Dealer rating", cell: (q) => rating(q.dealerRating, q.dealerRatingCount) },
  { label: "Buyers say", cell: (q) => q.topReason ?? "—" },
  { label: "Replied in", cell: (q) => replyTime(q.responseMinutes) },
  { label: "Usually answers in", cell: (q) => usualSpeed(q.dealerSpeed) },
  { label: "Price honoured", cell: (q) => honoured(q.priceHonoured) },
  { label: "Valid until", cell: (q) => shortDate(q.validUntil) },
];

/**
 * Side by side: one column per quote, the same figure on every row, like a spec sheet. Quotes are few, so
 * columns fit a laptop; on a phone the table scrolls sideways with the labels pinned.
 */
// `relative` on the scroll box: the buttons' screen-reader text is absolutely positioned, and without a
// positioned ancestor it overflowed the page itself (692 px wide on a 390 px phone), not the box.
export function QuoteTable({ quotes, actions }: { quotes: InboxQuote[]; actions: QuoteActions }) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm" tabIndex={0} role="region" aria-label="Quotes side by side">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Quotes compared like for like, one column per dealer</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50">
            <td className="sticky left-0 bg-slate-50 px-3 py-2" />
            {quotes.map((q, i) => (
              <th key={q.id} scope="col" data-testid="quote-row" className={`min-w-36 px-3 py-2 align-top font-semibold text-ink ${i === 0 && q.open ? "bg-brand-50" : ""}`}>
                {q.dealerName}
                <div className="mt-1"><QuoteFlags q={q} accepted={actions.acceptedQuoteId === q.id} /></div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className="sticky left-0 whitespace-nowrap bg-white px-3 py-2 font-medium text-slate-700">{r.label}</th>
              {quotes.map((q, i) => (
                <td key={q.id} className={`px-3 py-2 ${r.strong ? "font-semibold text-ink" : "text-slate-800"} ${i === 0 && q.open ? "bg-brand-50/60" : ""} ${q.open ? "" : "text-slate-600"}`}>
                  {r.cell(q)}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" className="sticky left-0 bg-white px-3 py-2"><span className="sr-only">Actions</span></th>
            {quotes.map((q) => {
              const unread = actions.unread[q.leadId] ?? 0;
              return (
                <td key={q.id} className="px-3 py-3">
                  <div className="flex flex-col gap-2">
                    {q.open && (
                      <button className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700" onClick={() => actions.onAccept(q)} aria-label={`Accept ${possessive(q.dealerName)} quote`}>
                        Accept
                      </button>
                    )}
                    {q.unitChanged && !q.open && (
                      <button disabled className="cursor-not-allowed rounded-lg bg-brand-600/50 px-3 py-1.5 text-sm font-semibold text-white" aria-label={`Accept ${possessive(q.dealerName)} quote`} title="This car may no longer be available — the dealer has been asked to re-confirm.">
                        Accept
                      </button>
                    )}
                    <button className="rounded-lg px-3 py-1.5 text-sm font-semibold text-ink ring-1 ring-inset ring-slate-300 hover:bg-slate-50" onClick={() => actions.onMessage(q)}>
                      Message<span className="sr-only"> {q.dealerName}</span>
                      {unread > 0 && <> ({unread}<span className="sr-only"> unread</span>)</>}
                    </button>
                  </div>
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
