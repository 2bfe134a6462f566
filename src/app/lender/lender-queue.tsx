"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { Badge, EmptyState, Loading, Stat } from "~/components/ui/card";
import Link from "next/link";
import { ButtonLink } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";
import { oneOf } from "~/lib/url-state";
import { useUrlState } from "~/components/use-url-state";
import { bodyTypeLabel } from "~/modules/requests/labels";
import { vehicleConditionLabel } from "~/modules/quotes/labels";
import { formatCount, sumCounts } from "~/lib/counts";
import { sourceLabel, statusLabel, statusTone } from "./labels";
import { formatApr, formatCents } from "~/modules/lending/amortization";

const tabs = [
  { key: "ALL", label: "All" },
  { key: "PENDING", label: "Waiting on you" },
  { key: "DECIDED", label: "Decided" },
] as const;
// The tab is kept in the URL (?status=pending), so a reload or back from a request shows the same queue.
const queueSpec = { status: oneOf(tabs.map((t) => t.key), "ALL") };

/** The lender's pre-approval queue: counts by outcome and the latest requests (no buyer identity). */
export function LenderQueue() {
  const trpc = useTRPC();
  const [{ status: tab }, setView] = useUrlState(queueSpec);
  const qc = useQueryClient();
  const [announce, setAnnounce] = useState("");
  // Live: every placed, cancelled, revised, decided or expired request of this lender refreshes the queue.
  // (Decisions posted through the API's fast path do not publish here; the slow poll covers those.)
  const q = useQuery({ ...trpc.lending.overview.queryOptions({ status: tab === "ALL" ? undefined : tab }), refetchInterval: 60_000 });
  useSubscription(
    trpc.lending.live.subscriptionOptions(undefined, {
      onData: (e) => {
        if (e.type === "pre_approval.requested") setAnnounce("A new pre-approval request just arrived.");
        void qc.invalidateQueries({ queryKey: trpc.lending.overview.pathKey() });
      },
    }),
  );
  const c = q.data?.counts ?? {};
  return (
    <div className="space-y-6">
      <p role="status" aria-live="polite" className="sr-only">{announce}</p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Pending" value={formatCount(c.PENDING ?? 0)} />
        <Stat label="Approved" value={formatCount(sumCounts([c.APPROVED, c.CONDITIONAL]))} />
        <Stat label="Declined" value={formatCount(c.DECLINED ?? 0)} />
        <Stat label="Cancelled / expired" value={formatCount(sumCounts([c.CANCELLED, c.EXPIRED]))} />
      </div>
      <div role="tablist" aria-label="Filter requests" className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
        {tabs.map((t) => (
          <button
            key={t.label}
            role="tab"
            aria-selected={tab === t.key}
            onClick={() => setView({ status: t.key })}
            className={`flex-1 rounded-md px-3 py-1.5 font-medium ${tab === t.key ? "bg-white text-ink shadow-sm" : "text-slate-700 hover:text-ink"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {q.isPending ? (
        <Loading />
      ) : !q.data?.rows.length ? (
        <EmptyState title="No pre-approval requests here" body="When a dealer quotes a buyer who shares their credit profile with lenders, the request appears here." />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="pre-approval-queue">
          {q.data.rows.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium text-ink">
                  <Link href={`/lender/pre-approvals/${r.id}`} className="hover:underline focus-visible:underline">
                    {r.quote.year} {r.quote.make} {r.quote.model} {r.quote.trim ?? ""}
                  </Link>
                </p>
                <p className="text-sm text-slate-600">
                  {formatCents(r.amountCents)} to finance · {vehicleConditionLabel[r.quote.condition]} {bodyTypeLabel[r.request.bodyType]} · {r.request.city}, {r.request.state} · quote v{r.quoteVersion}
                </p>
                <p className="font-mono text-xs text-slate-600">{r.id}</p>
              </div>
              <div className="flex flex-wrap items-center gap-2 sm:justify-end">
                {r.aprBps !== null && (
                  <span className="text-sm text-slate-700">
                    {formatApr(r.aprBps)} · {r.termMonths} mo{r.monthlyPaymentCents ? ` · ${formatCents(r.monthlyPaymentCents)}/mo` : ""}
                  </span>
                )}
                {r.source && <Badge tone="gray">{sourceLabel[r.source]}</Badge>}
                <Badge tone={statusTone[r.status]}>{statusLabel[r.status]}</Badge>
                {r.status === "PENDING" && (
                  <ButtonLink href={`/lender/pre-approvals/${r.id}`} variant="secondary" aria-label={`Review the ${r.quote.year} ${r.quote.make} ${r.quote.model} request`}>
                    Review
                  </ButtonLink>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
