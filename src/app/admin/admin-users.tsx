"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge, Loading } from "~/components/ui/card";
import { useTRPC } from "~/trpc/react";
import { text } from "~/lib/url-state";
import { useUrlState } from "~/components/use-url-state";

// 100: the longest search the server accepts.
const searchSpec = { q: text(100) };

export function AdminUsers() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  // The search is kept in the URL. The box holds its own text so typing is never slowed by the URL update.
  const [params, setParams] = useUrlState(searchSpec);
  const [query, setText] = useState(params.q);
  const setQuery = (q: string) => {
    setText(q);
    setParams({ q });
  };
  const users = useQuery(trpc.admin.users.queryOptions({ query: query || undefined }));
  const orgs = useQuery(trpc.admin.organisations.queryOptions());
  const refresh = () => qc.invalidateQueries();
  const setAccess = useMutation(trpc.admin.setUserAccess.mutationOptions({ onSuccess: refresh }));
  const setVerified = useMutation(trpc.admin.setVerified.mutationOptions({ onSuccess: refresh }));

  return (
    <div className="mt-8 grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="users-h" className="min-w-0">
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 id="users-h" className="text-lg font-semibold">Accounts</h2>
          <label className="sr-only" htmlFor="user-search">Search accounts</label>
          <input id="user-search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={100} placeholder="Search name or email" className="w-48 rounded-lg border border-slate-300 px-3 py-1.5 text-sm" />
        </div>
        {users.isPending ? <Loading /> : (
          <ul className="max-h-[32rem] divide-y divide-slate-200 overflow-y-auto rounded-xl border border-slate-200 bg-white">
            {users.data?.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div className="min-w-0">
                  <p className="truncate font-medium">{u.name} {u.disabled && <Badge tone="red">Disabled</Badge>}</p>
                  <p className="truncate text-sm text-slate-600">{u.email} · {u.role.toLowerCase()}</p>
                </div>
                <button type="button" className="rounded-lg px-3 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
                  onClick={() => setAccess.mutate({ userId: u.id, disabled: !u.disabled })}>
                  {u.disabled ? "Enable" : "Disable"}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="orgs-h" className="min-w-0">
        <h2 id="orgs-h" className="mb-3 text-lg font-semibold">Businesses</h2>
        {orgs.isPending ? <Loading /> : (
          <ul className="max-h-[32rem] divide-y divide-slate-200 overflow-y-auto rounded-xl border border-slate-200 bg-white">
            {[...(orgs.data?.lenders.map((l) => ({ ...l, kind: "lender" as const, where: "Lender" })) ?? []),
              ...(orgs.data?.dealers.map((d) => ({ ...d, kind: "dealer" as const, where: `${d.city}, ${d.state}` })) ?? [])].map((o) => (
              <li key={o.id} className="flex items-center justify-between gap-2 px-4 py-3">
                <div className="min-w-0">
                  <p className="truncate font-medium">{o.name}</p>
                  <p className="text-sm text-slate-600">{o.where}</p>
                </div>
                <button type="button" onClick={() => setVerified.mutate({ kind: o.kind, id: o.id, verified: !o.verified })}
                  className="rounded-lg px-3 py-1 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50">
                  {o.verified ? "✓ Verified" : "Verify"}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
