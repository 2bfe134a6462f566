"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { lazy, Suspense, useMemo, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/trpc/errors";
import type { InboxQuote } from "~/modules/inbox/get-inbox";
import { explainTop, filterQuotes, sortQuotes, type InboxFilters, type SortKey } from "~/modules/inbox/ranking";
import { EmptyState, Loading } from "~/components/ui/card";
import { ButtonLink } from "~/components/ui/button";
import { FormAlert } from "~/components/ui/alert";
import { QuoteCard } from "~/components/inbox/quote-card";
import { fromParams, inboxSpec, toParams, type InboxState, type InboxView } from "~/components/inbox/inbox-params";
import { useUrlState } from "~/components/use-url-state";

// Loaded when first shown, not with the page: most visits open no dialog, no thread and no table, so
// their ~3 KB gzipped stays out of the inbox's first load (issue 13). When the URL asks for the table or
// a deal exists, the server renders them and the browser fetches their chunk while hydrating.
// React's own lazy, not next/dynamic, whose loader machinery alone weighs ~1.5 KB gzipped.
const QuoteTable = lazy(() => import("~/components/inbox/quote-table").then((m) => ({ default: m.QuoteTable })));
const DealPanel = lazy(() => import("~/components/inbox/deal-panel").then((m) => ({ default: m.DealPanel })));
const AcceptDialog = lazy(() => import("~/components/inbox/accept-dialog").then((m) => ({ default: m.AcceptDialog })));
const CustomerThread = lazy(() => import("~/components/inbox/customer-thread").then((m) => ({ default: m.CustomerThread })));

const closedWord: Record<string, string> = { ACCEPTED: "Accepted: closed to new quotes", CANCELLED: "Cancelled: closed to new quotes", EXPIRED: "Expired: closed to new quotes" };

const sortLabels: Record<SortKey, string> = { totalCost: "Total cost", monthly: "Monthly payment", apr: "APR", distance: "Distance" };

/**
 * The customer's comparison of every quote on one request. Live: any event on the request's topic (a quote,
 * a revision, a lender decision, a message) refetches the inbox, so figures never go stale on screen.
 */
export function QuoteInbox({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const inbox = useQuery(trpc.inbox.get.queryOptions({ requestId }));
  const unread = useQuery(trpc.threads.unread.queryOptions({ requestId }));
  const live = useSubscription(
    trpc.inbox.live.subscriptionOptions(
      { requestId },
      {
        onData: (e) => {
          void qc.invalidateQueries({ queryKey: trpc.inbox.get.queryKey({ requestId }) });
          void qc.invalidateQueries({ queryKey: trpc.threads.unread.queryKey({ requestId }) });
          if (e.type === "message" && e.id) void qc.invalidateQueries({ queryKey: trpc.threads.get.queryKey({ leadId: e.id }) });
          if (e.type === "deal.accepted") {
            void qc.invalidateQueries({ queryKey: trpc.inbox.deal.queryKey({ requestId }) });
            // Threads with the other dealers become read-only.
            void qc.invalidateQueries(trpc.threads.get.pathFilter());
          }
        },
      },
    ),
  );

  // Sort, filters and view are kept in the URL (the shared list-state helper: replaced, not pushed).
  const [params, setParams] = useUrlState(inboxSpec);
  const { sort, view, filters } = fromParams(params);
  const setState = (next: Partial<InboxState>) => setParams(toParams({ sort, view, filters, ...next }));
  const setView = (v: InboxView) => setState({ view: v });
  const setSort = (k: SortKey) => setState({ sort: k });
  const setFilters = (f: (old: InboxFilters) => InboxFilters) => setState({ filters: f(filters) });
  // A snapshot: the dialog keeps the version the customer saw even if a revision arrives meanwhile.
  const [accepting, setAccepting] = useState<InboxQuote | null>(null);
  const [threadLead, setThreadLead] = useState<string | null>(null);

  const filterKey = JSON.stringify(filters);
  // filters is rebuilt from the URL on each render; filterKey is its identity for the memo.
  const sorted = useMemo(() => sortQuotes(filterQuotes(inbox.data?.quotes ?? [], filters), sort), [inbox.data, filterKey, sort]);
  const why = useMemo(() => explainTop(sorted, sort), [sorted, sort]);

  if (inbox.isPending) return <Loading label="Loading quotes" />;
  if (inbox.error) return <FormAlert>{errorMessage(inbox.error)}</FormAlert>;
  const data = inbox.data;
  const actions = {
    onAccept: (q: InboxQuote) => setAccepting(q),
    onMessage: (q: InboxQuote) => {
      setThreadLead(q.leadId);
      requestAnimationFrame(() => document.getElementById(`lead-${q.leadId}`)?.scrollIntoView({ behavior: "smooth", block: "start" }));
    },
    unread: unread.data ?? {},
    acceptedQuoteId: data.deal?.quoteId ?? null,
  };

  return (
    <section aria-labelledby="inbox-title" data-testid="quote-inbox">
      {data.deal && (
        <Suspense fallback={<Loading label="Loading your deal" />}>
          <DealPanel requestId={requestId} />
        </Suspense>
      )}
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="inbox-title" className="text-lg font-semibold text-ink">
            Quotes <span className="text-slate-600">({data.quotes.length})</span>
          </h2>
          <p className="text-sm text-slate-600">
            {data.request.matchedCount} dealer{data.request.matchedCount === 1 ? "" : "s"} reached ·{" "}
            {data.request.status === "OPEN" ? (
              <span className="inline-flex items-center gap-1" data-testid="live-status">
                <span aria-hidden className={`size-2 rounded-full ${live.status === "pending" ? "bg-green-500" : "bg-slate-400"}`} />
                {live.status === "pending" ? "Live" : live.status === "error" ? "Reconnecting…" : "Connecting…"}
              </span>
            ) : (
              // A closed request takes no more quotes: "Live" would promise otherwise.
              <span data-testid="live-status">{closedWord[data.request.status] ?? "Closed"}</span>
            )}
          </p>
        </div>
        {data.quotes.length > 0 && (
          <div role="group" aria-label="View" className="inline-flex rounded-lg bg-slate-100 p-1">
            {(["cards", "table"] as const).map((v) => (
              <button
                key={v}
                aria-pressed={view === v}
                onClick={() => setView(v)}
                className={`rounded-md px-3 py-1 text-sm font-medium ${view === v ? "bg-white text-ink shadow-sm" : "text-slate-700"}`}
              >
                {v === "cards" ? "Cards" : "Side by side"}
              </button>
            ))}
          </div>
        )}
      </div>

      {data.quotes.length === 0 && data.request.status === "OPEN" && data.request.matched && data.request.matchedCount === 0 ? (
        // Promising quotes here would be untrue: nobody has the request (issue 13 #16).
        <EmptyState
          title="Your request reached no dealer"
          body={`No dealer that sells this is within ${data.request.radiusMiles} miles. Widen the radius (or loosen the makes or budget) and we will send it again to every dealer it then fits.`}
          action={<ButtonLink href={`/customer/requests/${requestId}/edit`}>Widen the radius</ButtonLink>}
        />
      ) : data.quotes.length === 0 ? (
        <EmptyState
          title="No quotes yet"
          body={data.request.matched || data.request.status !== "OPEN"
            ? `${data.request.matchedCount} matching dealer${data.request.matchedCount === 1 ? " has" : "s have"} your request. Quotes appear here the moment they arrive, with financing from our lenders${data.request.wantsFinancing ? "" : " if you ask for it"}.`
            : "Finding the dealers that match your request…"}
        />
      ) : (
        <>
          <div className="mb-3 grid grid-cols-2 gap-2 rounded-xl border border-slate-200 bg-white p-3 sm:flex sm:flex-wrap sm:items-end sm:gap-4">
            <label className="col-span-2 text-sm font-medium text-slate-800 sm:col-span-1">
              Sort by
              <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)} className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm">
                {Object.entries(sortLabels).map(([k, label]) => (
                  <option key={k} value={k}>{label}</option>
                ))}
              </select>
            </label>
            <label className="col-span-2 text-sm font-medium text-slate-800 sm:col-span-1">
              Distance
              <select
                value={filters.maxDistanceMiles ?? ""}
                onChange={(e) => setFilters((f) => ({ ...f, maxDistanceMiles: e.target.value ? Number(e.target.value) : null }))}
                className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm"
              >
                <option value="">Any distance</option>
                {[10, 25, 50].map((m) => (
                  <option key={m} value={m}>Within {m} mi</option>
                ))}
              </select>
            </label>
            {([
              ["financedOnly", "Pre-approved only"],
              ["inStockOnly", "In stock only"],
              ["hideClosed", "Hide closed"],
            ] as const).map(([key, label]) => (
              <label key={key} className="flex items-center gap-2 text-sm text-slate-800 sm:pb-1.5">
                <input type="checkbox" checked={!!filters[key]} onChange={(e) => setFilters((f) => ({ ...f, [key]: e.target.checked }))} className="size-4" />
                {label}
              </label>
            ))}
          </div>

          {why && (
            <p className="mb-3 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-700" data-testid="why-first">
              <strong>Why first:</strong> {why}
              <span className="mt-1 block text-xs text-slate-600">
                Quotes equal on that and on total cost are ordered by how often the dealer delivered at the accepted price (from 3 deliveries up), then dealer rating (from 3 ratings up), then the share of the dealer's buyers who said the price was as quoted (from 3 ratings up), then how fast the dealer usually answers, then distance.
              </span>
            </p>
          )}

          {sorted.length === 0 ? (
            <EmptyState title="No quotes match these filters" body="Loosen a filter to see the others." />
          ) : view === "cards" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {sorted.map((q, i) => (
                <QuoteCard key={q.id} q={q} rank={i} actions={actions} />
              ))}
            </div>
          ) : (
            <Suspense fallback={<Loading label="Loading the table" />}>
              <QuoteTable quotes={sorted} actions={actions} />
            </Suspense>
          )}
        </>
      )}

      {threadLead && (
        <div className="mt-6">
          <Suspense fallback={<Loading label="Opening the conversation" />}>
            <CustomerThread leadId={threadLead} requestId={requestId} onClose={() => setThreadLead(null)} />
          </Suspense>
        </div>
      )}

      {accepting && (
        <Suspense fallback={null}>
          <AcceptDialog
            quote={accepting}
            threadOnly={data.request.threadOnly}
            decisions={accepting ? (data.usableDecisions[accepting.id] ?? []) : []}
            onClose={() => {
              setAccepting(null);
              void qc.invalidateQueries({ queryKey: trpc.inbox.get.queryKey({ requestId }) });
            }}
            onDone={() => {
              setAccepting(null);
              void qc.invalidateQueries({ queryKey: trpc.inbox.get.queryKey({ requestId }) });
              void qc.invalidateQueries({ queryKey: trpc.inbox.deal.queryKey({ requestId }) });
              void qc.invalidateQueries(trpc.threads.get.pathFilter());
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
