"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/trpc/errors";
import { Button } from "~/components/ui/button";
import { Card, EmptyState, Loading } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/field";
import { formatCount } from "~/lib/counts";

const when = (d: Date) => d.toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });

function Preferences({ audience }: { audience: Audience }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const prefs = useQuery(trpc.notifications.preferences.queryOptions());
  const save = useMutation(trpc.notifications.updatePreferences.mutationOptions({ onSuccess: (p) => qc.setQueryData(trpc.notifications.preferences.queryKey(), p) }));
  if (!prefs.data) return <Loading label="Loading preferences" />;
  const p = prefs.data;
  const toggle = (k: keyof typeof p) => save.mutate({ ...p, [k]: !p[k] });
  return (
    <Card className="h-fit">
      <h2 className="text-lg font-semibold">Email me</h2>
      <p className="mt-1 text-sm text-slate-600">You always see everything here; these only control email.</p>
      <div className="mt-3 space-y-2">
        {([
          ["emailEnabled", "Any email at all"],
          ["emailQuotes", audience === "dealer" ? "Leads and quote updates" : "New quotes and lender decisions"],
          ["emailMessages", audience === "dealer" ? "New messages from buyers" : "New messages from dealers"],
        ] as const).map(([k, label]) => (
          <label key={k} className="flex items-center gap-3 text-sm text-ink">
            <input type="checkbox" className="size-4" checked={p[k]} disabled={k !== "emailEnabled" && !p.emailEnabled} onChange={() => toggle(k)} />
            {label}
          </label>
        ))}
      </div>
      {save.error && <div className="mt-3"><FormAlert>{errorMessage(save.error)}</FormAlert></div>}
    </Card>
  );
}

type Audience = "customer" | "dealer";

export function NotificationCenter({ audience = "customer" }: { audience?: Audience }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.notifications.list.queryOptions());
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() });
  };
  useSubscription(trpc.notifications.live.subscriptionOptions(undefined, { onData: refresh }));
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      {/* min-w-0: a grid item is otherwise as wide as its longest unbroken line, and each body is one
          truncated line, so a long one pushed the page past a phone's width. */}
      <section aria-labelledby="notif-list" className="min-w-0">
        <div className="mb-3 flex items-center justify-between">
          <h2 id="notif-list" className="text-lg font-semibold">
            Inbox {list.data && list.data.unread > 0 && <span className="text-slate-600">({formatCount(list.data.unread)} unread)</span>}
          </h2>
          {list.data && list.data.unread > 0 && (
            <Button variant="secondary" onClick={() => markRead.mutate({})} pending={markRead.isPending}>Mark all read</Button>
          )}
        </div>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <FormAlert>{errorMessage(list.error)}</FormAlert>
        ) : list.data.items.length === 0 ? (
          <EmptyState
            title="Nothing yet"
            body={audience === "dealer" ? "Buyer messages and closed or won requests show up here." : "When a dealer quotes, a lender decides or someone messages you, it shows up here."}
          />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="notifications">
            {list.data.items.map((n) => (
              <li key={n.id} className={`flex gap-3 px-4 py-3 ${n.readAt ? "" : "bg-brand-50/60"}`}>
                <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`} />
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-ink">
                    {n.link ? (
                      <Link href={n.link} className="hover:underline" onClick={() => !n.readAt && markRead.mutate({ id: n.id })}>{n.title}</Link>
                    ) : (
                      n.title
                    )}
                    {!n.readAt && <span className="sr-only"> (unread)</span>}
                  </p>
                  <p className="truncate text-sm text-slate-700">{n.body}</p>
                  <p className="text-xs text-slate-600">{when(n.createdAt)}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Preferences audience={audience} />
    </div>
  );
}
