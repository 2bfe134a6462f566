"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ButtonLink } from "~/components/ui/button";
import { EmptyState, Loading } from "~/components/ui/card";
import { describeBudget, describeWanted } from "~/components/requests/describe";
import { RequestStatusBadge } from "~/components/requests/status-badge";
import { shortDate } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

export function RequestsList() {
  const trpc = useTRPC();
  const list = useQuery(trpc.requests.list.queryOptions());
  if (list.isPending) return <Loading label="Loading your requests…" />;
  if (list.isError) return <p role="alert" className="text-sm text-red-700">We could not load your requests. Please reload.</p>;
  if (list.data.length === 0)
    return (
      <EmptyState
        title="No requests yet"
        body="Tell local dealers what you want. They compete with itemised quotes; nobody gets your contact details."
        action={<ButtonLink href="/customer/requests/new">Post a request</ButtonLink>}
      />
    );
  return (
    <ul className="space-y-3" data-testid="request-list">
      {list.data.map((r) => (
        <li key={r.id}>
          <Link href={`/customer/requests/${r.id}`} className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500 focus-visible:ring-2 focus-visible:ring-brand-500 sm:p-5">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-semibold text-ink">{describeWanted(r)}</p>
                <p className="mt-0.5 text-sm text-slate-600">{describeBudget(r)} · {r.city}, {r.state} · {r.radiusMiles} mi</p>
              </div>
              <RequestStatusBadge status={r.status} />
            </div>
            <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
              <div><dt className="inline text-slate-600">Dealers reached: </dt><dd className="inline font-medium">{r.fannedOutAt ? r.matchedCount : "…"}</dd></div>
              <div><dt className="inline text-slate-600">Live quotes: </dt><dd className="inline font-medium">{r.activeQuotes}</dd></div>
              <div><dt className="inline text-slate-600">{r.status === "EXPIRED" ? "Expired" : "Expires"}: </dt><dd className="inline">{shortDate(r.expiresAt)}</dd></div>
            </dl>
          </Link>
        </li>
      ))}
    </ul>
  );
}
