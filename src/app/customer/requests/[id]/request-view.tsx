"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, Loading, DetailRow } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/field";
import { describeBudget, describeWanted } from "~/components/requests/describe";
import { RequestStatusBadge } from "~/components/requests/status-badge";
import { shortDate, usd } from "~/lib/format";
import { timelineLabel } from "~/modules/requests/labels";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/trpc/errors";
import { QuoteInbox } from "~/components/inbox/quote-inbox";

export function RequestView({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const request = useQuery({
    ...trpc.requests.get.queryOptions({ requestId }),
    // The live event normally arrives first; this only covers a dropped connection while matching runs.
    refetchInterval: (q) => (q.state.data && !q.state.data.fannedOutAt ? 2000 : false),
  });
  useSubscription(
    trpc.requests.live.subscriptionOptions(
      { requestId },
      {
        onData: () => {
          void qc.invalidateQueries({ queryKey: trpc.requests.get.queryKey({ requestId }) });
          void qc.invalidateQueries({ queryKey: trpc.requests.quotes.queryKey({ requestId }) });
        },
      },
    ),
  );
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(trpc.requests.cancel.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.requests.pathKey() }) }));

  if (request.isPending) return <Loading label="Loading your request…" />;
  if (request.isError) return <FormAlert>{errorMessage(request.error)}</FormAlert>;
  const r = request.data;
  const open = r.status === "OPEN";

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[340px_1fr]">
      <aside className="space-y-4">
        <Card>
          <div className="flex items-start justify-between gap-2">
            <h2 className="text-lg font-semibold">{describeWanted(r)}</h2>
            <RequestStatusBadge status={r.status} />
          </div>
          <p className="mt-3 rounded-lg bg-brand-50 px-3 py-2 text-sm font-semibold text-brand-700" role="status" aria-live="polite" data-testid="reach">
            {r.fannedOutAt ? `Reached ${r.matchedCount} ${r.matchedCount === 1 ? "dealer" : "dealers"}` : "Finding dealers…"}
          </p>
          <dl className="mt-4 space-y-2 text-sm">
            <DetailRow label="Budget" value={describeBudget(r)} />
            <DetailRow label="Down payment" value={usd(r.downPaymentCents)} />
            {r.tradeInYear && <DetailRow label="Trade-in" value={`${r.tradeInYear} ${r.tradeInMake} ${r.tradeInModel}, ${r.tradeInMileage?.toLocaleString("en-US")} mi`} />}
            <DetailRow label="Financing" value={r.wantsFinancing ? "Wanted" : "Not needed"} />
            <DetailRow label="Where" value={`${r.city}, ${r.state} ${r.zip} · ${r.radiusMiles} mi`} />
            <DetailRow label="Timeline" value={timelineLabel[r.timeline]} />
            {r.features.length > 0 && <DetailRow label="Must-haves" value={r.features.join(", ")} />}
            <DetailRow label={r.status === "EXPIRED" ? "Expired" : "Expires"} value={shortDate(r.expiresAt)} />
          </dl>
          {open && (
            <div className="mt-4 flex flex-wrap gap-2">
              <ButtonLink href={`/customer/requests/${requestId}/edit`} variant="secondary">Edit</ButtonLink>
              {!confirming ? (
                <Button variant="ghost" onClick={() => setConfirming(true)}>Cancel request</Button>
              ) : (
                <Button variant="danger" pending={cancel.isPending} onClick={() => cancel.mutate({ requestId })}>Yes, cancel it</Button>
              )}
            </div>
          )}
          {confirming && open && <p className="mt-2 text-xs text-slate-600">Dealers are told the request closed; their quotes are declined.</p>}
          {cancel.error && <div className="mt-3"><FormAlert>{errorMessage(cancel.error)}</FormAlert></div>}
        </Card>
      </aside>
      {/* The comparison inbox (sort, filters, financing, messages, accept) replaces the simple quotes list. */}
      <div className="min-w-0">
        <QuoteInbox requestId={requestId} />
      </div>
    </div>
  );
}

