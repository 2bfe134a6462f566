"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, Loading } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/alert";
import { RequestStatusBadge } from "~/components/requests/status-badge";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/trpc/errors";
import { QuoteInbox } from "~/components/inbox/quote-inbox";

// The confirmation (and its mutation) is fetched when the buyer first asks to cancel, not with the page.
const ConfirmCancel = lazy(() => import("./confirm-cancel").then((m) => ({ default: m.ConfirmCancel })));

/** `title` and `details` are rendered by the server (request-details.tsx); the rest follows live events. */
export function RequestView({ requestId, title, details }: { requestId: string; title: ReactNode; details: ReactNode }) {
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

  if (request.isPending) return <Loading label="Loading your request…" />;
  if (request.isError) return <FormAlert>{errorMessage(request.error)}</FormAlert>;
  const r = request.data;
  const open = r.status === "OPEN";

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[340px_1fr]">
      <aside className="space-y-4">
        <Card>
          <div className="flex items-start justify-between gap-2">
            {title}
            <RequestStatusBadge status={r.status} />
          </div>
          <p className="mt-3 rounded-lg bg-brand-50 px-3 py-2 text-sm font-semibold text-brand-700" role="status" aria-live="polite" data-testid="reach">
            {r.fannedOutAt ? `Reached ${r.matchedCount} ${r.matchedCount === 1 ? "dealer" : "dealers"}` : "Finding dealers…"}
          </p>
          {details}
          {open && (
            <div className="mt-4 flex flex-wrap gap-2">
              <ButtonLink href={`/customer/requests/${requestId}/edit`} variant="secondary">Edit</ButtonLink>
              {!confirming && <Button variant="ghost" onClick={() => setConfirming(true)}>Cancel request</Button>}
            </div>
          )}
          {confirming && open && (
            <Suspense fallback={<Button variant="danger" pending>Yes, cancel it</Button>}>
              <ConfirmCancel requestId={requestId} />
            </Suspense>
          )}
        </Card>
      </aside>
      {/* The comparison inbox (sort, filters, financing, messages, accept) replaces the simple quotes list. */}
      <div className="min-w-0">
        <QuoteInbox requestId={requestId} />
      </div>
    </div>
  );
}

