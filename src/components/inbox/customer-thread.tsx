"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/trpc/errors";
import { Loading } from "~/components/ui/card";
import { Composer, MessageList } from "~/components/inbox/message-list";
import { CONTACT_WARNING, findContactDetails } from "~/modules/messaging/contact-details";

/**
 * The customer's side of one lead's thread. Live: the inbox's request subscription invalidates this query
 * when a message arrives. Opening it marks the dealer's messages read.
 */
export function CustomerThread({ leadId, requestId, onClose }: { leadId: string; requestId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const thread = useQuery(trpc.threads.get.queryOptions({ leadId }));
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.threads.get.queryKey({ leadId }) });
    void qc.invalidateQueries({ queryKey: trpc.threads.unread.queryKey({ requestId }) });
  };
  const send = useMutation(trpc.threads.send.mutationOptions({ onSuccess: refresh }));
  const markRead = useMutation(trpc.threads.markRead.mutationOptions({ onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.threads.unread.queryKey({ requestId }) }) }));
  const setBlock = useMutation(trpc.threads.setBlock.mutationOptions({ onSuccess: refresh }));

  const incoming = thread.data?.messages.filter((m) => !m.mine && !m.readAt).length ?? 0;
  useEffect(() => {
    if (incoming > 0) markRead.mutate({ leadId });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incoming, leadId]);

  return (
    <section id={`lead-${leadId}`} aria-labelledby={`thread-${leadId}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="customer-thread">
      <div className="mb-3 flex items-start justify-between gap-2">
        <div>
          <h2 id={`thread-${leadId}`} className="text-base font-semibold text-ink">
            {thread.data ? `Conversation with ${thread.data.dealerName}` : "Conversation"}
          </h2>
          {thread.data && (
            <p className="text-xs text-slate-600">
              The dealer sees you as <strong data-testid="alias">{thread.data.youAppearAs}</strong>, never your name or contact details.
            </p>
          )}
        </div>
        <button onClick={onClose} className="rounded-lg px-2 py-1 text-sm text-slate-700 hover:bg-slate-100" aria-label="Close conversation">
          Close
        </button>
      </div>
      {thread.isPending ? (
        <Loading label="Loading messages" />
      ) : thread.error ? (
        <p role="alert" className="text-sm text-red-700">{errorMessage(thread.error)}</p>
      ) : (
        <>
          <MessageList messages={thread.data.messages} empty="No messages yet. Ask about the car, the price or a test drive." />
          {thread.data.canWrite ? (
            <Composer
              label={`Message to ${thread.data.dealerName}`}
              pending={send.isPending}
              error={send.error ? errorMessage(send.error) : null}
              onSend={(body, reset, confirmed) => send.mutate({ leadId, body, ...(confirmed ? { shareContact: true } : {}) }, { onSuccess: reset })}
              // Until the buyer accepts a dealer, no dealer has their contact details: warn before a message gives them away.
              warnBeforeSend={thread.data.accepted ? undefined : (body) => (findContactDetails(body).length ? CONTACT_WARNING : null)}
            />
          ) : (
            <p className="mt-3 text-sm text-slate-600">{thread.data.block === "BLOCK" ? "You blocked this dealer." : "This conversation is closed."}</p>
          )}
          <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3 text-sm">
            <span className="text-slate-600">This dealer:</span>
            {thread.data.block === null ? (
              <>
                <button className="rounded-lg px-2 py-1 font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50" onClick={() => setBlock.mutate({ leadId, kind: "MUTE" })}>
                  Mute
                </button>
                <button className="rounded-lg px-2 py-1 font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-50" onClick={() => setBlock.mutate({ leadId, kind: "BLOCK" })}>
                  Block
                </button>
              </>
            ) : (
              <>
                <span className="font-medium text-ink">{thread.data.block === "MUTE" ? "Muted (no notifications)" : "Blocked (no messages, no future requests)"}</span>
                <button className="rounded-lg px-2 py-1 font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50" onClick={() => setBlock.mutate({ leadId, kind: null })}>
                  {thread.data.block === "MUTE" ? "Unmute" : "Unblock"}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}
