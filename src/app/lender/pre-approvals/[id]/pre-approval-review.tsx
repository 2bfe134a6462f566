"use client";

import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { Badge, Card, DetailRow, EmptyState, Loading } from "~/components/ui/card";
import { ButtonLink } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";
import { formatApr, formatCents } from "~/modules/lending/amortization";
import { creditSourceLabel, tierLabel } from "~/modules/lending/credit-tiers";
import { DecisionForm } from "./decision-form";
import { bodyTypeLabel } from "~/modules/requests/labels";
import { vehicleConditionLabel } from "~/modules/quotes/labels";
import { sourceLabel, statusLabel, statusTone } from "../../labels";


export function PreApprovalReview({ id }: { id: string }) {
  const trpc = useTRPC();
  // Every load reads the buyer's credit through their grant and is logged for them, so this page never
  // refetches on its own (no polling, no refetch on focus): one visit, one line in their log.
  const q = useQuery({ ...trpc.lending.preApproval.queryOptions({ id }), staleTime: Infinity, refetchOnWindowFocus: false, retry: false });

  if (q.isPending) return <Loading label="Loading the request…" />;
  if (q.error) {
    const missing = q.error instanceof TRPCClientError && (q.error.data as { code?: string } | undefined)?.code === "NOT_FOUND";
    return (
      <EmptyState
        title={missing ? "No such pre-approval request" : "This request could not be loaded"}
        body={missing ? "It may belong to another lender, or the link is mistyped." : "Please try again in a moment."}
        action={<ButtonLink href="/lender" variant="secondary">Back to the queue</ButtonLink>}
      />
    );
  }
  const p = q.data;
  const monthlyIncome = p.applicant.income?.annualIncomeCents != null ? Math.round(p.applicant.income.annualIncomeCents / 12) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_400px]">
      <div className="min-w-0 space-y-6">
        <Card>
          <h2 className="text-lg font-semibold">
            {p.quote.year} {p.quote.make} {p.quote.model} {p.quote.trim ?? ""}
          </h2>
          <p className="text-sm text-slate-600">
            {vehicleConditionLabel[p.quote.condition]} {bodyTypeLabel[p.request.bodyType]} · {p.quote.mileage.toLocaleString("en-US")} mi · {p.request.city}, {p.request.state}
          </p>
          <dl className="mt-4 space-y-2 text-sm">
            <DetailRow label="Out-the-door price" value={formatCents(p.quote.otdCents)} />
            <DetailRow label="Buyer's down payment" value={formatCents(p.request.downPaymentCents)} />
            <DetailRow label="Amount to finance" value={<span data-testid="amount-to-finance">{formatCents(p.amountCents)}</span>} />
            <DetailRow label="Term the buyer asked for" value={p.request.termMonths ? `${p.request.termMonths} months` : "Not stated"} />
            <DetailRow label="VIN" value={<span className="font-mono">{p.quote.vin}</span>} />
            <DetailRow label="Quote version" value={p.quoteVersion} />
          </dl>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">What the buyer shared with you</h2>
          {!p.decidable ? (
            <p className="mt-2 text-sm text-slate-600">This request is closed, so the buyer&apos;s data is not shown.</p>
          ) : !p.applicant.credit && !p.applicant.income ? (
            <p className="mt-2 text-sm text-slate-600">The buyer no longer shares their credit profile with you. You can still decline.</p>
          ) : (
            <dl className="mt-4 space-y-2 text-sm" data-testid="applicant">
              {p.applicant.credit && (
                <>
                  <DetailRow label="Credit score" value={p.applicant.credit.score ?? "None on file"} />
                  <DetailRow label="Tier" value={p.applicant.credit.tier ? tierLabel(p.applicant.credit.tier) : "—"} />
                  <DetailRow label="Source" value={creditSourceLabel(p.applicant.credit.source)} />
                </>
              )}
              {p.applicant.income && (
                <>
                  <DetailRow label="Annual income" value={p.applicant.income.annualIncomeCents != null ? formatCents(p.applicant.income.annualIncomeCents) : "Not given"} />
                  <DetailRow label="Monthly housing cost" value={p.applicant.income.housingCostCents != null ? formatCents(p.applicant.income.housingCostCents) : "Not given"} />
                </>
              )}
            </dl>
          )}
        </Card>
      </div>
      <Card className="h-fit">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">Your decision</h2>
          <span className="flex gap-2">
            {p.source && <Badge tone="gray">{sourceLabel[p.source]}</Badge>}
            <Badge tone={statusTone[p.status]}>{statusLabel[p.status]}</Badge>
          </span>
        </div>
        {p.aprBps !== null && p.termMonths !== null && (
          <p className="mt-2 text-sm text-slate-700">
            {formatApr(p.aprBps)} for {p.termMonths} months{p.monthlyPaymentCents ? `, ${formatCents(p.monthlyPaymentCents)}/mo` : ""}
            {p.maxAmountCents !== null ? ` · up to ${formatCents(p.maxAmountCents)}` : ""}
          </p>
        )}
        {p.conditions.length > 0 && <p className="mt-1 text-sm text-slate-700">Conditions: {p.conditions.join("; ")}</p>}
        {p.reasons.length > 0 && <p className="mt-1 text-sm text-slate-700">Reasons: {p.reasons.join("; ")}</p>}
        {p.decidable ? (
          <DecisionForm preApproval={p} monthlyIncomeCents={monthlyIncome} />
        ) : (
          <p className="mt-4 text-sm text-slate-600">{p.closedReason}</p>
        )}
      </Card>
    </div>
  );
}
