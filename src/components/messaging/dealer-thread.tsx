"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect } from "react";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/trpc/errors";
import { Loading } from "~/components/ui/card";
import { Composer, MessageList } from "~/components/inbox/message-list";

/**
 * The dealer's side of a lead's thread, for the lead detail page. The buyer appears only under the lead's
 * alias; messages arrive live on the lead's topic.
 */
export function DealerThread({ leadId }: { leadId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const key = trpc.threads.dealerGet.queryKey({ leadId });
  const thread = useQuery(trpc.threads.dealerGet.queryOptions({ leadId }));
  useSubscription(
    trpc.threads.dealerLive.subscriptionOptions(
      { leadId },
      {
        onData: (e) => {
          void qc.invalidateQueries({ queryKey: key });
          // Acceptance opens the buyer's contact card on this page without a reload.
          if (e.type === "deal.won") void qc.invalidateQueries({ queryKey: trpc.inbox.buyerContact.queryKey({ leadId }) });
        },
      },
    ),
  );
  const send = useMutation(trpc.threads.dealerSend.mutationOptions({ onSuccess: () => void qc.invalidateQueries({ queryKey: key }) }));
  const markRead = useMutation(trpc.threads.dealerMarkRead.mutationOptions({ onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.threads.dealerUnread.pathKey() }) }));

  const incoming = thread.data?.messages.filter((m) => !m.mine && !m.readAt).length ?? 0;
  useEffect(() => {
    if (incoming > 0) markRead.mutate({ leadId });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incoming, leadId]);

  return (
    <section aria-labelledby={`dthread-${leadId}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="dealer-thread">
      <h2 id={`dthread-${leadId}`} className="mb-1 text-base font-semibold text-ink">
        Messages{thread.data ? ` with ${thread.data.buyerAlias}` : ""}
      </h2>
      <p className="mb-3 text-xs text-slate-600">Buyers stay anonymous until they accept a quote. All contact goes through this thread.</p>
      {thread.isPending ? (
        <Loading label="Loading messages" />
      ) : thread.error ? (
        <p role="alert" className="text-sm text-red-700">{errorMessage(thread.error)}</p>
      ) : (
        <>
          <MessageList messages={thread.data.messages} empty="No messages yet. Introduce yourself or answer questions about your quote." />
          {thread.data.canWrite ? (
            <Composer
              label={`Message to ${thread.data.buyerAlias}`}
              pending={send.isPending}
              error={send.error ? errorMessage(send.error) : null}
              onSend={(body, reset) => send.mutate({ leadId, body }, { onSuccess: reset })}
            />
          ) : (
            <p className="mt-3 text-sm text-slate-600" data-testid="thread-closed">
              {thread.data.closed ? "This request has closed." : "This buyer is not accepting messages."}
            </p>
          )}
        </>
      )}
    </section>
  );
}
