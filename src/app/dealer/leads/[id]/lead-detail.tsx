"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, Card, Loading, DetailRow } from "~/components/ui/card";
import { Field, FormAlert } from "~/components/ui/field";
import { tierShort } from "~/components/requests/credit";
import { describeBudget, describeWanted } from "~/components/requests/describe";
import { LeadStatusBadge } from "~/components/requests/status-badge";
import { distance, shortDate, timeAgo, usd } from "~/lib/format";
import { timelineLabel } from "~/modules/requests/labels";
import { UNIT_CHANGE_NOTICE, vehicleConditionLabel, type VehicleCondition } from "~/modules/quotes/labels";
import { autoQuoteSkipText, type AutoQuoteSkip } from "~/modules/quotes/auto-quote-labels";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { BuyerContact } from "~/components/messaging/buyer-contact";
import { DealerDelivery } from "~/components/deals/dealer-delivery";
import { DealerThread } from "~/components/messaging/dealer-thread";
import { QuoteForm } from "./quote-form";
import { LeadTerms } from "./lead-terms";
import { StockSuggestions, type FillFromUnit } from "./stock-suggestions";
import { FilledNotice, blankFromDefaults } from "./filled-from-unit";

export function LeadDetail({ leadId }: { leadId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const lead = useQuery(trpc.dealer.lead.queryOptions({ leadId }));
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: trpc.dealer.lead.queryKey({ leadId }) }), qc.invalidateQueries({ queryKey: trpc.dealer.leads.pathKey() })]);
  useSubscription(trpc.dealer.live.subscriptionOptions(undefined, { onData: (e) => { if (e.id === leadId) void refresh(); } }));
  const submit = useMutation(trpc.dealer.submitQuote.mutationOptions({ onSuccess: refresh }));
  const revise = useMutation(trpc.dealer.reviseQuote.mutationOptions({ onSuccess: () => { setEditing(false); return refresh(); } }));
  const withdraw = useMutation(trpc.dealer.withdrawQuote.mutationOptions({ onSuccess: () => { setWithdrawing(false); return refresh(); } }));
  const pass = useMutation(trpc.dealer.pass.mutationOptions({ onSuccess: refresh }));
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawReason, setWithdrawReason] = useState("");
  // The unit the form was filled from; the key remounts the (uncontrolled) form with its lines.
  const [filled, setFilled] = useState<(FillFromUnit & { key: number; linked: boolean }) | null>(null);
  const defaults = useQuery(trpc.dealerSettings.quoteDefaults.queryOptions());

  if (lead.isPending) return <Loading label="Loading lead…" />;
  if (lead.isError) return <FormAlert>{errorMessage(lead.error)}</FormAlert>;
  const l = lead.data;
  const r = l.request;
  const live = l.quotes.find((q) => q.status === "ACTIVE" || q.status === "ACCEPTED");
  const open = r.status === "OPEN" && l.status !== "CLOSED" && l.status !== "WON";
  const canQuote = open && !live && l.status !== "PASSED";
  const mutationError = [submit.error, revise.error, withdraw.error, pass.error].find(Boolean);
  const unitChange = live?.status === "ACTIVE" ? live.unitChange : null;
  // A car back in stock since it was marked sold can be re-confirmed as it is; reviseQuote checks the same.
  const canReconfirmAsIs = !!live && (live.needsReconfirm || (!!unitChange && live.inventoryUnit?.status !== "SOLD"));
  // On a price change the revision starts from the unit's new list price; every other line is kept.
  const newPrice = unitChange === "PRICE_CHANGED" && live?.inventoryUnit && live.inventoryUnit.priceCents !== live.vehiclePriceCents ? live.inventoryUnit.priceCents : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[380px_1fr]">
      <aside className="space-y-4">
        <Card>
          <div className="flex items-start justify-between gap-2">
            <div>
              <p className="text-sm text-slate-600">{l.buyerAlias} · {timeAgo(l.createdAt)}</p>
              <h2 className="text-lg font-semibold">{describeWanted(r)}</h2>
              {/* Present only when the buyer opted in on this request and has had a car delivered through Keyturn. */}
              {r.returningBuyer && <p className="mt-1 inline-block rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">Returning Keyturn buyer</p>}
            </div>
            <LeadStatusBadge status={l.status} />
          </div>
          <dl className="mt-4 space-y-2 text-sm" data-testid="lead-facts">
            <DetailRow label="Budget" value={describeBudget(r) || "—"} />
            <DetailRow label="Down payment" value={usd(r.downPaymentCents)} />
            <DetailRow label="Distance" value={distance(l.distanceMiles)} />
            <DetailRow label="City" value={`${r.city}, ${r.state}`} />
            <DetailRow label="Credit band" value={tierShort(r.creditTier)} />
            <DetailRow label="Timeline" value={timelineLabel[r.timeline]} />
            <DetailRow label="Financing" value={r.wantsFinancing ? "Wanted" : "Paying cash"} />
            {r.maxMileage != null && <DetailRow label="Max mileage" value={`${r.maxMileage.toLocaleString("en-US")} mi`} />}
            {r.features.length > 0 && <DetailRow label="Must-haves" value={r.features.join(", ")} />}
            {r.tradeInYear && <DetailRow label="Trade-in" value={`${r.tradeInYear} ${r.tradeInMake} ${r.tradeInModel}, ${r.tradeInMileage?.toLocaleString("en-US")} mi`} />}
            <DetailRow label="Request ends" value={shortDate(r.expiresAt)} />
          </dl>
        </Card>
        <LeadTerms terms={r} />
        <Card>
          <h3 className="text-sm font-semibold">Why you got this lead</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="match-reasons">
            {l.matchReasons.map((m) => <li key={m}>{m}</li>)}
          </ul>
          <p className="mt-3 text-xs text-slate-600">
            {r.threadOnly
              ? "This buyer keeps all contact in the Keyturn thread: no name or contact details are shared, even if they accept your quote."
              : "The buyer’s name and contact details are shared only if they accept your quote."}
          </p>
        </Card>
      </aside>

      <section className="space-y-4" aria-labelledby="quote-h">
        <h2 id="quote-h" className="text-lg font-semibold">Your quote</h2>
        {mutationError && !Object.keys(fieldErrors(mutationError)).length && <FormAlert>{errorMessage(mutationError)}</FormAlert>}
        {!open && <FormAlert tone="info">{l.closedReason ?? "This request is closed."}</FormAlert>}
        {l.status === "PASSED" && <FormAlert tone="info">You passed on this lead{l.closedReason ? `: ${l.closedReason}` : "."}</FormAlert>}

        {canQuote && l.autoQuoteSkip && (
          <FormAlert tone="info">Your automatic rule sent nothing on this lead: {autoQuoteSkipText[l.autoQuoteSkip as AutoQuoteSkip] ?? l.autoQuoteSkip}</FormAlert>
        )}
        {canQuote && (
          <StockSuggestions
            leadId={leadId}
            onSent={refresh}
            onFill={(f) => {
              setFilled({ ...f, key: Date.now(), linked: true });
              requestAnimationFrame(() => document.getElementById("quote-form")?.scrollIntoView({ block: "start" }));
            }}
          />
        )}

        {canQuote && defaults.isPending && <Loading label="Loading your quote defaults…" />}
        {canQuote && !defaults.isPending && (
          <Card>
            <h3 id="quote-form" className="mb-3 scroll-mt-4 text-base font-semibold">Write a quote</h3>
            <QuoteForm
              key={filled?.key ?? "blank"}
              initial={filled ? filled.draft : defaults.data ? blankFromDefaults(defaults.data.effective) : undefined}
              taxRateBps={defaults.data?.effective.taxRateBps}
              notice={filled && <FilledNotice unit={filled.unit} linked={filled.linked} onUnlink={() => setFilled({ ...filled, linked: false })} />}
              downPaymentCents={r.downPaymentCents}
              requestedCondition={r.condition}
              hasTradeIn={r.tradeInYear != null}
              terms={r}
              serverErrors={fieldErrors(submit.error)}
              pending={submit.isPending}
              submitLabel="Send quote"
              onSubmit={(fields) => submit.mutate({ ...fields, leadId, inventoryUnitId: filled?.linked ? filled.unit.id : undefined })}
            />
            <div className="mt-4 border-t border-slate-200 pt-4">
              <Button variant="ghost" pending={pass.isPending} onClick={() => pass.mutate({ leadId })}>Pass on this lead</Button>
            </div>
          </Card>
        )}

        {live && !editing && (
          <Card>
            {live.needsReconfirm && (
              <div className="mb-4"><FormAlert tone="info">The buyer changed their request. Re-confirm or revise your quote.</FormAlert></div>
            )}
            {unitChange && (
              <div className="mb-4" data-testid="unit-change-notice"><FormAlert tone="info">{UNIT_CHANGE_NOTICE[unitChange]}</FormAlert></div>
            )}
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <p className="font-semibold">{live.year} {live.make} {live.model}{live.trim ? ` ${live.trim}` : ""}</p>
                <p className="text-sm text-slate-600">{vehicleConditionLabel[live.condition]} · VIN {live.vin} · {live.mileage.toLocaleString("en-US")} mi · {live.inStock ? "In stock" : "To order"}</p>
                <p className="text-sm text-slate-600">Valid until {shortDate(live.validUntil)} · version {live.version}</p>
              </div>
              <div className="text-right">
                <p className="text-xs uppercase tracking-wide text-slate-600">Out the door</p>
                <p className="text-2xl font-bold" data-testid="live-otd">{usd(live.otdCents)}</p>
                <span className="flex flex-wrap justify-end gap-1">
                  {live.autoSent && <Badge tone="gray">Sent automatically</Badge>}
                  <Badge tone="green">{live.status === "ACCEPTED" ? "Accepted" : "Live"}</Badge>
                </span>
              </div>
            </div>
            {live.status === "ACTIVE" && open && (
              <div className="mt-4 flex flex-wrap gap-2">
                {canReconfirmAsIs && (
                  <Button pending={revise.isPending} onClick={() => revise.mutate({ ...pick(live), quoteId: live.id, version: live.version }, { onError: (e) => { if (Object.keys(fieldErrors(e)).length) setEditing(true); } })}>Re-confirm as is</Button>
                )}
                <Button variant="secondary" onClick={() => setEditing(true)}>Revise</Button>
                <Button variant="ghost" onClick={() => setWithdrawing((w) => !w)}>Withdraw</Button>
              </div>
            )}
            {withdrawing && (
              <form
                className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end"
                onSubmit={(e) => { e.preventDefault(); withdraw.mutate({ quoteId: live.id, reason: withdrawReason }); }}
              >
                <Field className="flex-1" label="Why are you withdrawing?" value={withdrawReason} onChange={(e) => setWithdrawReason(e.target.value)} error={fieldErrors(withdraw.error).reason} placeholder="e.g. The car was sold" />
                <Button type="submit" variant="danger" pending={withdraw.isPending}>Withdraw quote</Button>
              </form>
            )}
          </Card>
        )}

        {live && editing && (
          <Card>
            {newPrice != null && <p className="mb-3 text-sm text-slate-700" data-testid="new-price-hint">The vehicle price is prefilled with the car&apos;s new list price, {usd(newPrice)}. Check the tax before you save.</p>}
            <QuoteForm
              initial={{ ...pick(live), ...(newPrice != null ? { vehiclePriceCents: newPrice } : {}) }}
              downPaymentCents={r.downPaymentCents}
              requestedCondition={r.condition}
              hasTradeIn={r.tradeInYear != null}
              terms={r}
              serverErrors={fieldErrors(revise.error)}
              pending={revise.isPending}
              submitLabel="Save revision"
              onSubmit={(fields) => revise.mutate({ ...fields, quoteId: live.id, version: live.version })}
              onCancel={() => setEditing(false)}
            />
          </Card>
        )}

        {l.quotes.length > 0 && (
          <Card>
            <h3 className="text-sm font-semibold">History</h3>
            <ol className="mt-2 space-y-1 text-sm text-slate-700">
              {l.quotes.flatMap((q) =>
                q.revisions.map((rev) => {
                  const s = rev.snapshot as { otdCents: number; year: number; make: string; model: string };
                  return (
                    <li key={`${q.id}-${rev.version}`} className="flex justify-between gap-3">
                      <span>v{rev.version} · {s.year} {s.make} {s.model}{q.status === "WITHDRAWN" && rev.version === q.version ? " (withdrawn)" : ""}</span>
                      <span className="tabular-nums">{usd(s.otdCents)} · {timeAgo(rev.createdAt)}</span>
                    </li>
                  );
                }),
              )}
            </ol>
          </Card>
        )}
        <BuyerContact leadId={leadId} />
        <DealerDelivery leadId={leadId} />
        <DealerThread leadId={leadId} />
        <ButtonLink href="/dealer" variant="ghost">← All leads</ButtonLink>
      </section>
    </div>
  );
}

// The editable fields of a stored quote, to re-confirm it unchanged.
function pick(q: { year: number; make: string; model: string; trim: string | null; vin: string; condition: VehicleCondition; mileage: number; inStock: boolean; vehiclePriceCents: number; feesCents: number; addOnsCents: number; incentivesCents: number; tradeInOfferCents: number; taxCents: number; validUntil: Date }) {
  return {
    year: q.year, make: q.make, model: q.model, trim: q.trim ?? undefined, vin: q.vin, condition: q.condition, mileage: q.mileage, inStock: q.inStock, vehiclePriceCents: q.vehiclePriceCents,
    feesCents: q.feesCents, addOnsCents: q.addOnsCents, incentivesCents: q.incentivesCents, tradeInOfferCents: q.tradeInOfferCents, taxCents: q.taxCents, validUntil: q.validUntil,
  };
}

