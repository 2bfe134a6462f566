"use client";

import type { InboxQuote } from "~/modules/inbox/get-inbox";
import { totalCostCents } from "~/modules/inbox/ranking";
import { Badge } from "~/components/ui/card";
import { Button } from "~/components/ui/button";
import { dollars, formatApr, formatCents, miles, replyTime, shortDate, usualSpeed, honoured } from "~/components/inbox/format";
import { possessive } from "~/lib/format";
import { QuoteRatings } from "~/components/ratings/quote-ratings";

export type QuoteActions = {
  onAccept: (q: InboxQuote) => void;
  onMessage: (q: InboxQuote) => void;
  unread: Record<string, number>;
  acceptedQuoteId: string | null;
};

export function QuoteFlags({ q, accepted }: { q: InboxQuote; accepted: boolean }) {
  return (
    <span className="flex flex-wrap gap-1">
      {accepted && <Badge tone="green">Accepted</Badge>}
      {q.withdrawn && <Badge tone="red">Withdrawn</Badge>}
      {q.needsReconfirm && !q.withdrawn && <Badge tone="amber">Needs re-confirmation</Badge>}
      {q.unitChanged && <Badge tone="amber">May no longer be available</Badge>}
      {q.autoSent && <Badge tone="gray">Sent automatically</Badge>}
      {q.status === "DECLINED" && <Badge>Closed</Badge>}
      {q.status === "ACTIVE" && q.validUntil <= new Date() && <Badge tone="amber">Expired</Badge>}
      {!q.inStock && <Badge tone="gray">In transit</Badge>}
    </span>
  );
}

function FinancingSummary({ q }: { q: InboxQuote }) {
  const f = q.financing;
  if (!f) {
    // A quote the buyer can no longer accept has no financing to wait for: say nothing rather than "yet".
    if (!q.open && q.status !== "ACCEPTED") return null;
    const waiting = q.lenders.pending > 0;
    return (
      <div className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
        {waiting ? `${q.lenders.pending} lender${q.lenders.pending === 1 ? " is" : "s are"} deciding…` : q.lenders.declined > 0 ? "No lender approved this amount." : "No pre-approval yet."}
      </div>
    );
  }
  return (
    <div className="rounded-lg bg-brand-50 p-3">
      <div className="flex items-baseline justify-between gap-2">
        <p className="text-2xl font-bold text-ink" data-testid="monthly">
          {formatCents(f.monthlyPaymentCents)}
          <span className="text-sm font-medium text-slate-700">/mo</span>
        </p>
        <p className="text-sm font-semibold text-brand-700" data-testid="apr">{formatApr(f.aprBps)} APR</p>
      </div>
      <p className="text-sm text-slate-700">
        {f.termMonths} months · {f.lenderName}
        {f.conditional && " · conditional"}
      </p>
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs text-slate-700">
        <dt>Amount financed</dt>
        <dd className="text-right font-medium text-ink">{formatCents(f.amountFinancedCents)}</dd>
        <dt>Finance charge</dt>
        <dd className="text-right font-medium text-ink">{formatCents(f.financeChargeCents)}</dd>
        <dt>Total of payments</dt>
        <dd className="text-right font-medium text-ink">{formatCents(f.totalOfPaymentsCents)}</dd>
      </dl>
      {f.conditions.length > 0 && <p className="mt-2 text-xs text-amber-800">Needs: {f.conditions.join(", ")}</p>}
    </div>
  );
}

function Breakdown({ q }: { q: InboxQuote }) {
  const b = q.breakdown;
  const rows: [string, number][] = [
    ["Vehicle price", b.vehiclePriceCents],
    ["Dealer fees", b.feesCents],
    ["Add-ons", b.addOnsCents],
    ["Incentives", -b.incentivesCents],
    ["Estimated tax", b.taxCents],
  ];
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Price breakdown</summary>
      <dl className="mt-2 grid grid-cols-2 gap-y-1 text-slate-700">
        {rows.map(([label, v]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd className="text-right">{v < 0 ? `−${formatCents(-v)}` : formatCents(v)}</dd>
          </div>
        ))}
        <dt className="font-semibold text-ink">Out the door</dt>
        <dd className="text-right font-semibold text-ink">{formatCents(q.otdCents)}</dd>
        {b.tradeInOfferCents > 0 && (
          <>
            <dt>Trade-in offer</dt>
            <dd className="text-right">−{formatCents(b.tradeInOfferCents)}</dd>
          </>
        )}
      </dl>
    </details>
  );
}

// A quote whose car changed is still live (the dealer may re-confirm it), so it is not dimmed like a closed one:
// its notice must stay readable.
export function QuoteCard({ q, rank, actions }: { q: InboxQuote; rank: number; actions: QuoteActions }) {
  const accepted = actions.acceptedQuoteId === q.id;
  const unread = actions.unread[q.leadId] ?? 0;
  const title = `${q.vehicle.year} ${q.vehicle.make} ${q.vehicle.model}${q.vehicle.trim ? ` ${q.vehicle.trim}` : ""}`;
  return (
    <article
      aria-labelledby={`q-${q.id}`}
      data-testid="quote-card"
      className={`flex flex-col gap-3 rounded-xl border bg-white p-4 shadow-sm ${accepted ? "border-green-500 ring-2 ring-green-200" : rank === 0 && q.open ? "border-brand-500" : "border-slate-200"} ${q.open || accepted || q.unitChanged ? "" : "opacity-75"}`}
    >
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`q-${q.id}`} className="truncate text-base font-semibold text-ink">{q.dealerName}</h3>
          <p className="text-sm text-slate-600">
            {/* The rating is said once, in full, by QuoteRatings below. */}
            {q.dealerPlace} · {miles(q.distanceMiles)}
          </p>
        </div>
        {rank === 0 && q.open && <Badge tone="blue">Top pick</Badge>}
      </header>
      <QuoteFlags q={q} accepted={accepted} />
      {q.unitChanged && (
        <p id={`unit-${q.id}`} className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status" data-testid="unit-changed">
          This car may no longer be available — the dealer has been asked to re-confirm.
        </p>
      )}
      <p className="text-sm text-slate-700">
        {title} · {q.vehicle.mileage.toLocaleString("en-US")} mi
      </p>
      <div className="flex items-baseline justify-between">
        <span className="text-sm text-slate-600">Out the door</span>
        <span className="text-xl font-bold text-ink" data-testid="otd">{dollars(q.otdCents)}</span>
      </div>
      <FinancingSummary q={q} />
      <div className="flex items-baseline justify-between text-sm">
        <span className="text-slate-600">Total cost{q.financing ? " with credit" : ""}</span>
        <span className="font-semibold text-ink">{dollars(totalCostCents(q))}</span>
      </div>
      <Breakdown q={q} />
      <p className="text-xs text-slate-600">
        Replied in {replyTime(q.responseMinutes)}
        {q.dealerSpeed ? ` · usually answers in ${usualSpeed(q.dealerSpeed)}` : ""}
        {q.priceHonoured.deliveries > 0 ? ` · price honoured in ${honoured(q.priceHonoured)}` : ""} · valid until {shortDate(q.validUntil)}
        {q.withdrawnReason ? ` · ${q.withdrawnReason}` : ""}
      </p>
      <QuoteRatings q={q} />
      <div className="mt-auto flex gap-2">
        {q.open && (
          <Button className="flex-1" onClick={() => actions.onAccept(q)} aria-label={`Accept ${possessive(q.dealerName)} quote`}>
            Accept
          </Button>
        )}
        {/* Shown, but disabled: the buyer sees why this one cannot be accepted rather than a missing button. */}
        {q.unitChanged && !q.open && (
          <Button className="flex-1" disabled aria-describedby={`unit-${q.id}`} aria-label={`Accept ${possessive(q.dealerName)} quote`}>
            Accept
          </Button>
        )}
        <Button variant="secondary" className="flex-1" onClick={() => actions.onMessage(q)}>
          Message<span className="sr-only"> {q.dealerName}</span>
          {unread > 0 && (
            <span className="rounded-full bg-red-600 px-1.5 text-xs text-white">
              {unread}
              <span className="sr-only"> unread</span>
            </span>
          )}
        </Button>
      </div>
    </article>
  );
}
