"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/**
 * The accepted dealer's view of the buyer's contact details, read through the customer's grant (each view
 * is in the customer's access log). Renders nothing for any other dealer or before acceptance.
 */
export function BuyerContact({ leadId }: { leadId: string }) {
  const trpc = useTRPC();
  const contact = useQuery({ ...trpc.inbox.buyerContact.queryOptions({ leadId }), retry: false, staleTime: 60_000 });
  if (!contact.data) return null;
  const c = contact.data;
  return (
    <section aria-labelledby="buyer-contact" className="rounded-xl border border-green-300 bg-green-50 p-4" data-testid="buyer-contact">
      <h2 id="buyer-contact" className="text-base font-semibold text-green-900">Your buyer</h2>
      <p className="text-xs text-green-900">Shared by the buyer when they accepted your quote. Use it only to complete this purchase.</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-ink">
        <dt className="text-slate-700">Name</dt>
        <dd className="font-medium">{c.firstName} {c.lastName}</dd>
        <dt className="text-slate-700">Email</dt>
        <dd><a className="font-medium text-brand-700 underline" href={`mailto:${c.email}`}>{c.email}</a></dd>
        {c.phone && (
          <>
            <dt className="text-slate-700">Phone</dt>
            <dd><a className="font-medium text-brand-700 underline" href={`tel:${c.phone}`}>{c.phone}</a></dd>
          </>
        )}
      </dl>
    </section>
  );
}
