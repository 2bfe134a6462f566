"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { Button } from "~/components/ui/button";
import { FormAlert, TextAreaField } from "~/components/ui/field";
import { shortDate, usd } from "~/lib/format";
import { DeliveryChanges } from "./delivery-lines-table";

/**
 * The buyer's side of the delivery: when the dealer recorded a final price other than the accepted one,
 * each changed line, and a confirm or a dispute (which Keyturn's team sees). Updates live.
 */
export function BuyerDelivery({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const key = trpc.delivery.forRequest.queryKey({ requestId });
  const delivery = useQuery(trpc.delivery.forRequest.queryOptions({ requestId }));
  useSubscription(trpc.inbox.live.subscriptionOptions({ requestId }, { onData: (e) => { if (e.type === "deal.updated") void qc.invalidateQueries({ queryKey: key }); } }));
  const answer = useMutation(trpc.delivery.answer.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: key }) }));
  const [disputing, setDisputing] = useState(false);
  const d = delivery.data;
  if (!d?.outcome) return null;

  return (
    <div className="mt-4 rounded-lg bg-white p-3 text-sm text-ink" data-testid="buyer-delivery">
      <h3 className="font-medium text-slate-800">Delivery</h3>
      {d.outcome === "NOT_DELIVERED" && <p className="mt-1">The dealer closed this deal without a delivery: {d.notDeliveredReason}</p>}
      {d.outcome === "CONFIRMED" && (
        <p className="mt-1">
          Delivered{d.deliveredOn ? ` ${shortDate(d.deliveredOn)}` : ""} at {usd(d.finalOtdCents)} out the door{d.changes.length === 0 ? ", the price you accepted" : "; you confirmed the final price"}.
        </p>
      )}
      {d.outcome === "DISPUTED" && <p className="mt-1">You disputed the final price. Keyturn&apos;s team can see your dispute and the lines that changed.</p>}
      {d.outcome === "AWAITING_BUYER" && (
        <p className="mt-1">
          The dealer recorded your delivery at <strong>{usd(d.finalOtdCents)}</strong> out the door. You accepted <strong>{usd(d.acceptedOtdCents)}</strong>. These lines changed:
        </p>
      )}
      {d.changes.length > 0 && d.outcome !== "CONFIRMED" && <div className="mt-2"><DeliveryChanges changes={d.changes} acceptedOtdCents={d.acceptedOtdCents} finalOtdCents={d.finalOtdCents} /></div>}
      {d.outcome === "AWAITING_BUYER" &&
        (disputing ? (
          <form
            className="mt-3 space-y-2"
            aria-label="Dispute the final price"
            onSubmit={(e) => {
              e.preventDefault();
              answer.mutate({ dealId: d.dealId, answer: "DISPUTE", reason: String(new FormData(e.currentTarget).get("reason") ?? "") });
            }}
          >
            <TextAreaField label="What is wrong with the final price?" name="reason" rows={3} maxLength={1000} error={fieldErrors(answer.error).reason} hint="Keyturn's team and the dealer see this." />
            {answer.error && !fieldErrors(answer.error).reason && <FormAlert>{errorMessage(answer.error)}</FormAlert>}
            <div className="flex flex-wrap justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setDisputing(false)}>Back</Button>
              <Button type="submit" pending={answer.isPending}>Send dispute</Button>
            </div>
          </form>
        ) : (
          <div className="mt-3 flex flex-wrap justify-end gap-2">
            {answer.error && <FormAlert>{errorMessage(answer.error)}</FormAlert>}
            <Button type="button" variant="secondary" onClick={() => setDisputing(true)}>Dispute</Button>
            <Button type="button" pending={answer.isPending} onClick={() => answer.mutate({ dealId: d.dealId, answer: "CONFIRM" })}>Confirm the final price</Button>
          </div>
        ))}
    </div>
  );
}
