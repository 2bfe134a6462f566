"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Button } from "~/components/ui/button";
import { Badge, EmptyState, Loading } from "~/components/ui/card";
import { FormAlert, SelectField } from "~/components/ui/field";
import { FIELD_SHORT } from "~/modules/consent/describe";
import type { DataField } from "~/generated/prisma/enums";
import { errorMessage } from "~/trpc/errors";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "~/trpc/react";
import { id, oneOf } from "~/lib/url-state";
import { useUrlState } from "~/components/use-url-state";

const FIELDS: DataField[] = ["CONTACT", "ADDRESS", "INCOME", "CREDIT"];
// Who and what are kept in the URL, so a reload shows the same lines.
const logSpec = { who: id(), field: oneOf(["ANY", ...FIELDS], "ANY") };
const KIND = { LENDER: "Lender", DEALER: "Dealer", COUNTER: "Dealer's desk", STAFF: "Keyturn staff" } as const;
const fmt = (d: Date | string) => new Date(d).toLocaleString("en-US", { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });

export function AccessLogList() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  useSubscription(trpc.consent.live.subscriptionOptions(undefined, { onData: () => void qc.invalidateQueries({ queryKey: trpc.consent.accessLog.pathKey() }) }));
  const [{ who: whoParam, field: fieldParam }, setView] = useUrlState(logSpec);
  const field = fieldParam === "ANY" ? "" : fieldParam;
  const log = useInfiniteQuery(
    trpc.consent.accessLog.infiniteQueryOptions(
      { who: whoParam || undefined, field: field || undefined },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const readers = log.data?.pages[0]?.readers ?? [];
  // A reader id from an old or edited link that is none of this customer's readers means "everyone": the
  // URL drops it, and the list is fetched again unfiltered.
  const unknownReader = !!log.data && !!whoParam && !readers.some((r) => r.id === whoParam);
  const who = unknownReader ? "" : whoParam;
  useEffect(() => {
    if (unknownReader) setView({ who: "" });
  }, [unknownReader, setView]);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <div className="space-y-4">
      <form className="grid gap-3 sm:grid-cols-2 lg:max-w-2xl" aria-label="Filter the list" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Who looked" value={who} onChange={(e) => setView({ who: e.target.value })}>
          <option value="">Everyone</option>
          {readers.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
        </SelectField>
        <SelectField label="What they saw" value={field} onChange={(e) => setView({ field: (e.target.value || "ANY") as typeof fieldParam })}>
          <option value="">Anything</option>
          {FIELDS.map((f) => <option key={f} value={f}>{FIELD_SHORT[f]}</option>)}
        </SelectField>
      </form>

      {log.isPending ? (
        <Loading label="Loading who saw your data" />
      ) : log.error ? (
        <FormAlert>{errorMessage(log.error)}</FormAlert>
      ) : entries.length === 0 ? (
        <EmptyState
          title={who || field ? "Nobody matches these filters" : "Nobody has looked at your details yet"}
          body="When a lender checks your credit for a quote, or the dealer you chose opens your contact details, you will see it here."
        />
      ) : (
        <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="access-log">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
              <div className="min-w-0">
                <p className="text-sm text-ink">{e.sentence}</p>
                <p className="mt-1 flex flex-wrap gap-1">
                  <Badge>{KIND[e.actorType]}</Badge>
                  {e.refused && <Badge tone="amber">Refused, saw nothing</Badge>}
                  {e.fields.map((f) => <Badge key={f} tone="blue">{FIELD_SHORT[f]}</Badge>)}
                </p>
              </div>
              <time className="shrink-0 text-sm text-slate-600" dateTime={new Date(e.at).toISOString()}>{fmt(e.at)}</time>
            </li>
          ))}
        </ol>
      )}
      {log.hasNextPage && <Button variant="secondary" pending={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>Show older</Button>}
    </div>
  );
}
