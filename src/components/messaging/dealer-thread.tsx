"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { SelectField } from "~/components/ui/field";
import { PERIOD_WORDS, TOPIC_WORDS } from "~/modules/keep-in-touch/rules";
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

  const [topic, setTopic] = useState<"" | keyof typeof TOPIC_WORDS>("");
  const sendErrors = fieldErrors(send.error);
  const kit = thread.data?.keepInTouch;
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
            <>
              {kit?.needsGrant && (
                // After delivery, a message the dealer starts is checked against the buyer's keep-in-touch grant.
                <div className="mt-3 rounded-lg bg-slate-50 p-3 text-sm text-slate-700" data-testid="kit-dealer">
                  <p>
                    {kit.grant
                      ? `${thread.data.buyerAlias} lets you keep in touch about ${kit.grant.topics.map((t) => TOPIC_WORDS[t].toLowerCase()).join(", ")}: ${kit.grant.capCount} message${kit.grant.capCount === 1 ? "" : "s"} a calendar ${PERIOD_WORDS[kit.grant.capPeriod]} (UTC), ${kit.grant.usedThisWindow} sent this ${PERIOD_WORDS[kit.grant.capPeriod]}.`
                      : `${thread.data.buyerAlias} has not given you a keep-in-touch grant.`}{" "}
                    Answers within {kit.replyWindowDays} days of the buyer&apos;s last message are not counted.
                  </p>
                  <SelectField className="mt-2 max-w-xs" label="Topic" value={topic} onChange={(e) => setTopic(e.target.value as typeof topic)} error={sendErrors.topic}>
                    <option value="">Choose a topic</option>
                    {(Object.keys(TOPIC_WORDS) as (keyof typeof TOPIC_WORDS)[]).map((t) => <option key={t} value={t}>{TOPIC_WORDS[t]}</option>)}
                  </SelectField>
                </div>
              )}
              <Composer
                label={`Message to ${thread.data.buyerAlias}`}
                pending={send.isPending}
                error={send.error ? (sendErrors.body ?? (sendErrors.topic ? null : errorMessage(send.error))) : null}
                onSend={(body, reset) => send.mutate({ leadId, body, topic: kit?.needsGrant && topic ? topic : undefined }, { onSuccess: reset })}
              />
            </>
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
