"use client";

import { afterRevokeLine, whoCanSeeSummary } from "~/modules/consent/my-data-copy";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, Loading } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/field";
import { FIELD_SHORT } from "~/modules/consent/describe";
import type { MyData as MyDataT } from "~/modules/consent/list-my-data";
import { errorMessage } from "~/trpc/errors";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "~/trpc/react";
import { CounterKeyPanel } from "./counter-key-panel";
import { KeepInTouchList } from "./keep-in-touch-list";
import { ReturningBuyerList } from "./returning-buyer-list";

type Grant = MyDataT["grants"][number];

export const fmtDate = (d: Date | string) => new Date(d).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" });
export const fmtTime = (d: Date | string) => new Date(d).toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });

export function StatusBadge({ status }: { status: Grant["status"] }) {
  if (status === "active") return <Badge tone="green">Can see it now</Badge>;
  if (status === "expired") return <Badge>Expired</Badge>;
  return <Badge tone="red">You stopped this</Badge>;
}

export function MyData() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const data = useQuery(trpc.consent.myData.queryOptions());
  // Use counts and desk keys move while the customer watches (e.g. at the dealer's counter).
  useSubscription(trpc.consent.live.subscriptionOptions(undefined, { onData: () => void qc.invalidateQueries({ queryKey: trpc.consent.myData.queryKey() }) }));
  if (data.isPending) return <Loading label="Loading who can see your data" />;
  if (data.error) return <FormAlert>{errorMessage(data.error)}</FormAlert>;
  const { grants, deals } = data.data;
  const active = grants.filter((g) => g.status === "active");
  const ended = grants.filter((g) => g.status !== "active");
  const deskKeys = deals.flatMap((d) => d.counterKeys).filter((k) => k.status === "active").length;

  return (
    <div className="space-y-8">
      <section aria-labelledby="who-now">
        <h2 id="who-now" className="text-lg font-semibold">Who can see your details right now</h2>
        <p className="mb-3 text-sm text-slate-600">{whoCanSeeSummary(active.length, deskKeys)}</p>
        {active.length === 0 && deskKeys > 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">Only the dealer&apos;s desk, through the {deskKeys === 1 ? "key" : `${deskKeys} keys`} you gave below.</p>
        ) : active.length === 0 ? (
          <EmptyState title="You are not sharing anything right now" body="When you let lenders pre-approve you on a request, or accept a dealer's quote, it shows up here." />
        ) : (
          <ul className="space-y-3" data-testid="active-grants">{active.map((g) => <GrantCard key={g.id} g={g} />)}</ul>
        )}
      </section>

      {deals.length > 0 && (
        <section aria-labelledby="at-dealer">
          <h2 id="at-dealer" className="text-lg font-semibold">At the dealership</h2>
          <p className="mb-3 text-sm text-slate-600">Skip re-typing your details at the desk: give the dealer a short-lived key. It opens only what you tick, and stops by itself.</p>
          <div className="space-y-3">{deals.map((d) => <CounterKeyPanel key={d.id} deal={d} />)}</div>
        </section>
      )}

      <KeepInTouchList rows={data.data.keepInTouch} />

      <ReturningBuyerList rows={data.data.returningBuyer} />

      {ended.length > 0 && (
        <section aria-labelledby="ended">
          <h2 id="ended" className="text-lg font-semibold">Ended</h2>
          <p className="mb-3 text-sm text-slate-600">These no longer open anything. They stay listed so you can see what you shared before.</p>
          <ul className="space-y-3" data-testid="ended-grants">{ended.map((g) => <GrantCard key={g.id} g={g} />)}</ul>
        </section>
      )}
    </div>
  );
}

function GrantCard({ g }: { g: Grant }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(
    trpc.consent.revoke.mutationOptions({ onSuccess: () => { setConfirming(false); void qc.invalidateQueries({ queryKey: trpc.consent.myData.queryKey() }); } }),
  );
  const isLenders = g.kind === "ALL_LENDERS" || g.kind === "LENDERS";
  return (
    <li>
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <p className="text-xs font-medium uppercase tracking-wide text-slate-600">Who</p>
            <h3 className="font-semibold text-ink">{g.who}</h3>
          </div>
          <StatusBadge status={g.status} />
        </div>
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">Can see</dt>
            <dd className="mt-1 flex flex-wrap gap-1">{g.fields.map((f) => <Badge key={f} tone="blue">{FIELD_SHORT[f]}</Badge>)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Why</dt>
            <dd className="mt-1">
              {g.requestId ? <Link className="text-brand-700 underline" href={`/customer/requests/${g.requestId}`}>{capitalise(g.forWhat)}</Link> : capitalise(g.forWhat)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{g.status === "revoked" ? "Stopped" : g.status === "expired" ? "Ended" : "Until"}</dt>
            <dd className="mt-1">{fmtDate(g.revokedAt ?? g.expiresAt)}</dd>
          </div>
        </dl>
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
          <span>Given {fmtDate(g.createdAt)}</span>
          <Link className="text-brand-700 underline" href="/customer/data/log">Looked at {g.uses === 1 ? "once" : `${g.uses} times`}</Link>
          {g.agreedText && (
            <details>
              <summary className="cursor-pointer">What you agreed to</summary>
              <p className="mt-1 max-w-prose rounded-lg bg-slate-50 p-2 text-slate-700">“{g.agreedText}”</p>
            </details>
          )}
        </div>
        {g.status === "active" && !confirming && (
          <div className="mt-4">
            <Button variant="secondary" onClick={() => setConfirming(true)} aria-label={`Stop sharing with ${g.who}`}>Stop sharing</Button>
          </div>
        )}
        {g.status === "active" && confirming && (
          <div className="mt-4 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm" role="group" aria-label="Confirm stop sharing">
            <p className="font-semibold">What happens when you stop sharing</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-800">
              <li>From this moment, {g.who.toLowerCase().startsWith("lenders") ? "lenders" : g.who} can no longer see these details.</li>
              <li>We tell them to delete any copy they already have.</li>
              {isLenders && <li>Lenders still deciding on your quotes stop, so those quotes may show no financing offer.</li>}
              {isLenders && g.fields.includes("CREDIT") && <li>If your score came from a credit check, we delete it too. You can check again later.</li>}
              {g.kind === "DEALER" && <li>You can still message the dealer on your request.</li>}
              <li>{afterRevokeLine(g.requestStatus)}</li>
            </ul>
            {revoke.error && <div className="mt-2"><FormAlert>{errorMessage(revoke.error)}</FormAlert></div>}
            <div className="mt-3 flex flex-wrap gap-2">
              <Button variant="danger" pending={revoke.isPending} onClick={() => revoke.mutate({ grantId: g.id })}>Yes, stop sharing</Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>Keep sharing</Button>
            </div>
          </div>
        )}
      </Card>
    </li>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
