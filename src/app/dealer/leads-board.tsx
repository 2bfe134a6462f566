"use client";

import Link from "next/link";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { EmptyState, Loading } from "~/components/ui/card";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { describeBudget, describeWanted } from "~/components/requests/describe";
import { LeadStatusBadge } from "~/components/requests/status-badge";
import { distance, timeAgo } from "~/lib/format";
import { LEAD_FILTERS } from "~/modules/dealers/labels";
import { BODY_TYPES, bodyTypeLabel, timelineLabel } from "~/modules/requests/labels";
import { UNIT_CHANGE_SHORT } from "~/modules/quotes/labels";
import { tierShort } from "~/components/requests/credit";
import { useTRPC } from "~/trpc/react";
import { oneOf } from "~/lib/url-state";
import { useUrlState } from "~/components/use-url-state";
import { formatCount, sumCounts } from "~/lib/counts";

type Filter = (typeof LEAD_FILTERS)[number];
const boardSpec = { status: oneOf(LEAD_FILTERS, "ALL"), body: oneOf(["ANY", ...BODY_TYPES], "ANY") };
const filterWord: Record<Filter, string> = { ALL: "All", NEW: "New", VIEWED: "Viewed", QUOTED: "Quoted", WON: "Won", PASSED: "Passed", CLOSED: "Closed" };

/** Paging of the leads query, shared with the page's server prefetch so both build the same query. */
export const leadsPageOptions = { getNextPageParam: (page: { nextCursor?: string | null }) => page.nextCursor ?? undefined };

export function LeadsBoard() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  // Status and body type are kept in the URL, so a reload or back from a lead shows the same board.
  const [{ status, body }, setView] = useUrlState(boardSpec);
  const bodyType = body === "ANY" ? "" : body;
  const setStatus = (f: Filter) => setView({ status: f });
  const [announce, setAnnounce] = useState("");
  const input = { status, ...(bodyType ? { bodyType } : {}) };
  // Pages of 50, newest first; "Show older leads" fetches the next page by cursor.
  const leads = useInfiniteQuery(trpc.dealer.leads.infiniteQueryOptions(input, leadsPageOptions));
  const items = leads.data?.pages.flatMap((p) => p.items) ?? [];
  // Badges for the leads on screen only: their cost follows the page, not the dealer's history.
  const unread = useQuery(trpc.threads.dealerUnread.queryOptions({ leadIds: items.map((l) => l.id) }, { enabled: items.length > 0, placeholderData: (prev) => prev }));
  useSubscription(
    trpc.dealer.live.subscriptionOptions(undefined, {
      onData: (e) => {
        if (e.type === "lead.created") setAnnounce("A new lead just arrived.");
        void qc.invalidateQueries({ queryKey: trpc.dealer.leads.pathKey() });
        if (e.type === "message" || e.type === "message.read") void qc.invalidateQueries({ queryKey: trpc.threads.dealerUnread.pathKey() });
      },
    }),
  );
  const counts = leads.data?.pages[0]?.counts ?? {};
  const total = sumCounts(Object.values(counts));

  return (
    <div>
      <p role="status" aria-live="polite" className="sr-only">{announce}</p>
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        {/* Wrapped, not scrolled sideways: on a phone every status stays in sight, none cut off at the edge. */}
        <nav aria-label="Filter by status" className="flex flex-wrap gap-1">
          {LEAD_FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              onClick={() => setStatus(f)}
              aria-pressed={status === f}
              className={`whitespace-nowrap rounded-full px-3 py-1.5 text-sm font-medium ${status === f ? "bg-ink text-white" : "bg-white text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"}`}
            >
              {filterWord[f]} <span className="tabular-nums opacity-80">{formatCount(f === "ALL" ? total : (counts[f] ?? 0))}</span>
            </button>
          ))}
        </nav>
        <SelectField label="Body type" className="sm:w-48" value={bodyType} onChange={(e) => setView({ body: (e.target.value || "ANY") as typeof body })}>
          <option value="">All body types</option>
          {BODY_TYPES.map((b) => <option key={b} value={b}>{bodyTypeLabel[b]}</option>)}
        </SelectField>
      </div>
      {leads.isPending ? (
        <Loading label="Loading leads…" />
      ) : leads.isError ? (
        <p role="alert" className="text-sm text-red-700">We could not load your leads. Please reload.</p>
      ) : items.length === 0 ? (
        <EmptyState title={status === "ALL" && !bodyType ? "No leads yet" : "No leads match these filters"} body="When a buyer within your coverage posts a request, it appears here at once." />
      ) : (
        <>
        <ul className="space-y-2" data-testid="lead-list">
          {items.map((l) => (
            <li key={l.id}>
              <Link
                href={`/dealer/leads/${l.id}`}
                data-testid="lead-row"
                className={`block rounded-xl border bg-white p-4 shadow-sm hover:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-500 ${l.status === "NEW" ? "border-brand-500" : "border-slate-200"}`}
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-semibold text-ink">{describeWanted(l.request)}</p>
                    <p className="mt-0.5 text-sm text-slate-600">
                      {l.buyerAlias} · {l.request.city}, {l.request.state} · {distance(l.distanceMiles)} away
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    {!!unread.data?.[l.id] && (
                      <span className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-semibold text-white" data-testid="unread-badge">
                        {unread.data[l.id]} new {unread.data[l.id] === 1 ? "message" : "messages"}
                      </span>
                    )}
                    {l.quotes[0]?.needsReconfirm && <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">Re-confirm</span>}
                    {l.quotes[0]?.status === "ACTIVE" && l.quotes[0].unitChange && <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">{UNIT_CHANGE_SHORT[l.quotes[0].unitChange]}</span>}
                    {l.quotes[0]?.autoSent && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Sent automatically</span>}
                    <LeadStatusBadge status={l.status} />
                  </div>
                </div>
                <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
                  {/* A request may state no budget: an empty item would indent the line by a gap. */}
                  {describeBudget(l.request) && <span>{describeBudget(l.request)}</span>}
                  <span>Credit: {tierShort(l.request.creditTier)}</span>
                  <span>{timelineLabel[l.request.timeline]}</span>
                  <span className="text-slate-600">{timeAgo(l.createdAt)}</span>
                </p>
              </Link>
            </li>
          ))}
        </ul>
        {leads.hasNextPage && (
          <div className="mt-4 flex justify-center">
            <Button variant="secondary" onClick={() => void leads.fetchNextPage()} disabled={leads.isFetchingNextPage}>
              {leads.isFetchingNextPage ? "Loading older leads…" : "Show older leads"}
            </Button>
          </div>
        )}
        </>
      )}
    </div>
  );
}
