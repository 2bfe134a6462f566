"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { dollars, formatApr } from "~/components/inbox/format";
import { BuyerDelivery } from "~/components/deals/buyer-delivery";
import { KeepInTouchForm } from "~/components/inbox/keep-in-touch-form";
import { RatingForm } from "~/components/ratings/rating-form";
import { YourRating } from "~/components/ratings/your-rating";

/** After acceptance: what was agreed, that the dealer now has the contact details, and the ratings. */
export function DealPanel({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const deal = useQuery(trpc.inbox.deal.queryOptions({ requestId }));
  if (!deal.data) return null;
  const d = deal.data;
  const rated = (t: "DEALER" | "LENDER") => d.ratings.find((r) => r.target === t);
  const delivered = d.deliveredOn != null && d.outcome != null && d.outcome !== "NOT_DELIVERED";
  return (
    <section aria-labelledby="deal-title" className="mb-6 rounded-xl border border-green-300 bg-green-50 p-4 sm:p-6" data-testid="deal-panel">
      <h2 id="deal-title" className="text-lg font-semibold text-green-900">You accepted {d.dealer.name}&apos;s quote</h2>
      <p className="mt-1 text-sm text-green-900">
        {d.quote.year} {d.quote.make} {d.quote.model} · {dollars(d.otdCents)} out the door
        {d.lender && d.preApproval?.aprBps != null ? ` · financed by ${d.lender.name} at ${formatApr(d.preApproval.aprBps)} for ${d.preApproval.termMonths} months` : ""}.
        {" "}{d.request.threadOnly
          ? `As you asked, ${d.dealer.name} did not get your name, email or phone: it writes to you in the message thread below.`
          : `${d.dealer.name} now has your name, email and phone to finish the purchase.`}
        {" "}The other dealers were told the request closed.
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div className="rounded-lg bg-white p-3 text-sm text-ink" data-testid="deal-dealer">
          <h3 className="font-medium text-slate-800">Where to go</h3>
          <address className="mt-1 not-italic">
            {d.dealer.name}<br />
            {d.dealer.street}<br />
            {d.dealer.city}, {d.dealer.state} {d.dealer.zip}
          </address>
          <p className="mt-1">
            {d.dealer.phone ? <>Phone: <a className="text-brand-700 underline" href={`tel:${d.dealer.phone.replace(/[^\d+]/g, "")}`}>{d.dealer.phone}</a></> : "No phone on file: use the message thread below."}
          </p>
        </div>
        <div className="rounded-lg bg-white p-3 text-sm text-ink">
          <h3 className="font-medium text-slate-800">Next steps</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            <li>{d.request.threadOnly ? `${d.dealer.name} will message you in the thread to set a time; you can also call them.` : `${d.dealer.name} will contact you to set a time; you can also call or message them.`}</li>
            <li>Bring your driver&apos;s license and proof of insurance{d.lender ? `, and your ${d.lender.name} pre-approval` : ""}.</li>
            <li>If you are trading in, bring the car, its title or payoff details, and all keys.</li>
            <li>Check the vehicle and that the paperwork shows {dollars(d.otdCents)} out the door before you sign.</li>
          </ol>
        </div>
      </div>
      <BuyerDelivery requestId={requestId} />
      <KeepInTouchForm dealId={d.id} dealerName={d.dealer.name} />
      {/* Ratings open after delivery (rate-deal.ts), so the stars are about the whole purchase. */}
      {delivered ? (
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          {(["DEALER", "LENDER"] as const).map((t) => {
            const name = t === "DEALER" ? d.dealer.name : d.lender?.name;
            if (!name) return null;
            const r = rated(t);
            return (
              <div key={t} className="rounded-lg bg-white p-3">
                {r ? <YourRating name={name} r={r} /> : <RatingForm dealId={d.id} target={t} name={name} requestId={requestId} />}
              </div>
            );
          })}
        </div>
      ) : (
        d.outcome !== "NOT_DELIVERED" && <p className="mt-4 text-sm text-green-900">You can rate {d.dealer.name}{d.lender ? ` and ${d.lender.name}` : ""} once the dealer records the delivery.</p>
      )}
    </section>
  );
}
