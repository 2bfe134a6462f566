"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { FormAlert } from "~/components/ui/field";
import type { MyData } from "~/modules/consent/list-my-data";
import { PERIOD_WORDS, TOPIC_WORDS } from "~/modules/keep-in-touch/rules";
import { errorMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { Badge } from "~/components/ui/card";
import { fmtDate } from "./my-data";

type Row = MyData["keepInTouch"][number];

/** "My data": every keep-in-touch grant the buyer gave, with its terms, its uses and a revoke button. */
export function KeepInTouchList({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="kit-list">
      <h2 id="kit-list" className="text-lg font-semibold">Dealers who may keep in touch</h2>
      <p className="mb-3 text-sm text-slate-600">They can start a conversation in your message thread only on these terms. Each message they send counts as a use and is listed in Who saw my data.</p>
      <ul className="space-y-3" data-testid="kit-grants">{rows.map((r) => <KitCard key={r.id} r={r} />)}</ul>
    </section>
  );
}

function KitCard({ r }: { r: Row }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const revoke = useMutation(trpc.consent.revokeKeepInTouch.mutationOptions({ onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.consent.myData.queryKey() }) }));
  // The grant runs through its last day: endsAt is the midnight after it.
  const lastDay = new Date(new Date(r.endsAt).getTime() - 1);
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="kit-grant">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium text-ink">{r.dealerName}</h3>
        {/* Not "can see it now": this grant lets the dealer write, it opens none of the buyer's data. */}
        {r.status === "active" ? <Badge tone="green">May write to you</Badge> : r.status === "expired" ? <Badge>Ended</Badge> : <Badge tone="red">You stopped this</Badge>}
      </div>
      <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-4">
        <div><dt className="text-slate-600">About</dt><dd className="mt-1">{r.topics.map((t) => TOPIC_WORDS[t]).join(", ")}</dd></div>
        <div><dt className="text-slate-600">At most</dt><dd className="mt-1">{r.capCount} a calendar {PERIOD_WORDS[r.capPeriod]}</dd></div>
        <div><dt className="text-slate-600">{r.status === "revoked" ? "Stopped" : r.status === "expired" ? "Ended" : "Through"}</dt><dd className="mt-1">{fmtDate(r.revokedAt ?? lastDay)}</dd></div>
        <div><dt className="text-slate-600">Messages sent</dt><dd className="mt-1">{r.uses}</dd></div>
      </dl>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">What you agreed to</summary>
        <p className="mt-1 text-slate-700">{r.agreedText}</p>
      </details>
      {revoke.error && <div className="mt-2"><FormAlert>{errorMessage(revoke.error)}</FormAlert></div>}
      {r.status === "active" && (
        <div className="mt-3">
          <Button variant="danger" pending={revoke.isPending} onClick={() => revoke.mutate({ grantId: r.id })}>Revoke: stop {r.dealerName} writing</Button>
        </div>
      )}
    </li>
  );
}
