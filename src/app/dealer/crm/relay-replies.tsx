"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge, EmptyState, Loading } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/field";
import { deliveryTime } from "~/components/delivery/signing-secret";
import { errorMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

/** The dealer's last replies emailed from its CRM to lead addresses, and what became of each. */
export function RelayReplies() {
  const trpc = useTRPC();
  const replies = useQuery({ ...trpc.crm.relayReplies.queryOptions(), refetchInterval: 15_000 });
  return (
    <section aria-labelledby="relay-heading" className="space-y-3">
      <div>
        <h2 id="relay-heading" className="text-lg font-semibold">Emailed replies</h2>
        <p className="text-sm text-slate-600">Replies your CRM sent to a lead&apos;s relay address, newest first. A refused reply also bounced to the sender with the same reason.</p>
      </div>
      {replies.isPending ? (
        <Loading />
      ) : replies.isError ? (
        <FormAlert>{errorMessage(replies.error)}</FormAlert>
      ) : replies.data.length === 0 ? (
        <EmptyState title="No emailed replies yet" body="When your CRM answers a lead by email, each reply shows here with what became of it." />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="relay-replies">
          {replies.data.map((r) => (
            <li key={r.id} className="px-4 py-3 text-sm">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {r.leadId && r.buyerAlias ? <Link className="text-brand-700 underline" href={`/dealer/leads/${r.leadId}`}>{r.buyerAlias}</Link> : <span>Unknown lead</span>}
                <Badge tone={r.outcome === "ACCEPTED" ? "green" : r.outcome === "THROTTLED" ? "amber" : "red"}>{r.outcome === "ACCEPTED" ? "Posted" : r.outcome === "THROTTLED" ? "Held back" : "Refused"}</Badge>
              </p>
              <p className="break-words text-slate-700">{r.text}</p>
              <p className="break-all text-slate-600">{deliveryTime(r.at)}{r.from ? ` · from ${r.from}` : ""}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
