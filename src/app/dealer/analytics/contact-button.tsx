"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";

/**
 * The customer's name and contact, read only when the dealer asks, through the buyer's grant
 * (inbox.buyerContact → readCustomerData), so each look is one row in that buyer's access log.
 */
export function ContactButton({ leadId, alias }: { leadId: string; alias: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const q = useQuery({ ...trpc.inbox.buyerContact.queryOptions({ leadId }), enabled: open, retry: false });
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} className="text-brand-700 underline underline-offset-2">
        Show contact<span className="sr-only"> of {alias}</span>
      </button>
    );
  if (q.isPending) return <span role="status">Reading…</span>;
  if (q.isError) return <span>Not shared with you.</span>;
  if (q.data.state === "revoked") return <span>The buyer stopped sharing.</span>;
  if (q.data.state === "thread-only") return <span>Only through the thread, as the buyer asked.</span>;
  const c = q.data.contact;
  return (
    <span className="break-words">
      {c.firstName} {c.lastName} · {c.email}{c.phone ? ` · ${c.phone}` : ""}
    </span>
  );
}
