"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";

// Kept in step with CONTACT_REVOKED in revoke-grant.ts (a server module this client file must not import).
const REVOKED = "The buyer stopped sharing their contact details with you. They are no longer shown here.";

/**
 * The accepted dealer's view of the buyer's contact details, read through the customer's grant (each view
 * is in the customer's access log). Renders nothing for any other dealer or before acceptance.
 */
export function BuyerContact({ leadId }: { leadId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [revoked, setRevoked] = useState(false);
  const contact = useQuery({ ...trpc.inbox.buyerContact.queryOptions({ leadId }), retry: false, staleTime: 60_000, enabled: !revoked });
  // A revocation is pushed on the dealer's live topic: drop the details now, not at the next reload.
  useSubscription(
    trpc.dealer.live.subscriptionOptions(undefined, {
      onData: (e) => {
        if (e.id !== leadId || e.type !== "consent.revoked") return;
        setRevoked(true);
        qc.removeQueries({ queryKey: trpc.inbox.buyerContact.queryKey({ leadId }) });
      },
    }),
  );
  // Live (the event just came) or on a later visit (the server says the key was taken back, and when).
  const revokedAt = contact.data?.state === "revoked" ? contact.data.revokedAt : null;
  if (revoked || revokedAt) {
    return (
      <section className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="buyer-contact-revoked" role="status">
        {REVOKED}
        {revokedAt && <span className="block text-xs">Since {revokedAt.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" })}.</span>}
      </section>
    );
  }
  if (contact.data?.state === "thread-only") {
    return (
      <section className="rounded-xl border border-slate-200 bg-slate-50 p-4 text-sm text-slate-800" data-testid="buyer-contact-thread-only" role="status">
        The buyer asked for contact only through this thread, so no name, email or phone was shared. Write to them here to arrange the purchase.
      </section>
    );
  }
  if (contact.data?.state !== "shared") return null;
  const c = contact.data.contact;
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
