"use client";

import type { InboxQuote } from "~/modules/inbox/get-inbox";
import { totalCostCents } from "~/modules/inbox/ranking";
import { QuoteFlags, type QuoteActions } from "~/components/inbox/quote-card";
import { dollars, formatApr, formatCents, miles, rating, replyTime, shortDate } from "~/components/inbox/format";

/** Side by side: one row per quote, the same figures in the same columns. Scrolls sideways on a phone. */
export function QuoteTable({ quotes, actions }: { quotes: InboxQuote[]; actions: QuoteActions }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm" tabIndex={0} role="region" aria-label="Quotes side by side">
      <table className="min-w-[960px] w-full text-left text-sm">
        <caption className="sr-only">Quotes compared like for like</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {["Dealer", "Out the door", "Monthly", "APR · term", "Lender", "Finance charge", "Total cost", "Distance", "Rating", "Replied in", "Valid until", ""].map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2 font-semibold">{h || <span className="sr-only">Actions</span>}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {quotes.map((q, i) => {
            const f = q.financing;
            const unread = actions.unread[q.leadId] ?? 0;
            return (
              <tr key={q.id} data-testid="quote-row" className={i === 0 && q.open ? "bg-brand-50/50" : q.open ? "" : "text-slate-500"}>
                <th scope="row" className="px-3 py-2 font-semibold text-ink">
                  {q.dealerName}
                  <div className="mt-0.5 text-xs font-normal text-slate-600">{q.vehicle.year} {q.vehicle.make} {q.vehicle.model}</div>
                  <div className="mt-1"><QuoteFlags q={q} accepted={actions.acceptedQuoteId === q.id} /></div>
                </th>
                <td className="px-3 py-2 font-semibold text-ink">{dollars(q.otdCents)}</td>
                <td className="px-3 py-2">{f ? `${formatCents(f.monthlyPaymentCents)}/mo` : q.lenders.pending ? "Deciding…" : "—"}</td>
                <td className="px-3 py-2">{f ? `${formatApr(f.aprBps)} · ${f.termMonths} mo` : "—"}</td>
                <td className="px-3 py-2">{f?.lenderName ?? "—"}</td>
                <td className="px-3 py-2">{f ? formatCents(f.financeChargeCents) : "—"}</td>
                <td className="px-3 py-2 font-semibold text-ink">{dollars(totalCostCents(q))}</td>
                <td className="px-3 py-2">{miles(q.distanceMiles)}</td>
                <td className="px-3 py-2">{rating(q.dealerRating, q.dealerRatingCount)}</td>
                <td className="px-3 py-2">{replyTime(q.responseMinutes)}</td>
                <td className="px-3 py-2">{shortDate(q.validUntil)}</td>
                <td className="px-3 py-2">
                  <div className="flex gap-1">
                    {q.open && (
                      <button className="rounded-lg bg-brand-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-brand-700" onClick={() => actions.onAccept(q)} aria-label={`Accept ${q.dealerName}'s quote`}>
                        Accept
                      </button>
                    )}
                    <button className="rounded-lg px-3 py-1.5 text-xs font-semibold text-ink ring-1 ring-inset ring-slate-300 hover:bg-slate-50" onClick={() => actions.onMessage(q)} aria-label={`Message ${q.dealerName}${unread ? `, ${unread} unread` : ""}`}>
                      Message{unread > 0 ? ` (${unread})` : ""}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
