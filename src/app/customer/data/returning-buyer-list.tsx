"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { Badge } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/field";
import type { MyData } from "~/modules/consent/list-my-data";
import { errorMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { fmtDate } from "./my-data";

type Row = MyData["returningBuyer"][number];

/** "My data": each request on which the buyer let dealers know they have bought through Keyturn before. */
export function ReturningBuyerList({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="returning-list">
      <h2 id="returning-list" className="text-lg font-semibold">Requests that say you have bought before</h2>
      <p className="mb-3 text-sm text-slate-600">Dealers who received these requests see only the words &ldquo;Returning Keyturn buyer&rdquo;, never which car, when or from whom. Stop it and the words are gone from their next look.</p>
      <ul className="space-y-3" data-testid="returning-buyer-shares">{rows.map((r) => <ShareCard key={r.requestId} r={r} />)}</ul>
    </section>
  );
}

function ShareCard({ r }: { r: Row }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const stop = useMutation(trpc.consent.stopReturningBuyer.mutationOptions({ onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.consent.myData.queryKey() }) }));
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="returning-buyer-share">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium text-ink first-letter:uppercase">{r.forWhat}</h3>
        {r.shown ? <Badge tone="green">Dealers see the badge</Badge> : <Badge>Dealers see nothing</Badge>}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {r.shown ? "You had a car delivered through Keyturn when you posted this request." : "You had no car delivered through Keyturn when you posted this request, so there was nothing to tell."} Agreed {fmtDate(r.agreedAt)}.
      </p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">What you agreed to</summary>
        <p className="mt-1 text-slate-700">{r.agreedText}</p>
      </details>
      {stop.error && <FormAlert>{errorMessage(stop.error)}</FormAlert>}
      <Button variant="secondary" className="mt-3" pending={stop.isPending} onClick={() => stop.mutate({ requestId: r.requestId })}>
        Stop telling dealers
      </Button>
    </li>
  );
}
