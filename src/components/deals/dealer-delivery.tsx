"use client";

import "~/lib/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field, FormAlert, SelectField, TextAreaField } from "~/components/ui/field";
import { centsToDollars, issuesToFields, shortDate, usd } from "~/lib/format";
import { readMoneyFields } from "~/modules/money/parse-money";
import { computeQuoteTotals } from "~/modules/quotes/pricing";
import { FINANCING_USED, financingUsedLabel, recordDeliveryInput } from "~/modules/deals/delivery/schemas";
import { DeliveryChanges } from "./delivery-lines-table";

const LINES = [
  ["vehiclePriceCents", "Vehicle price"],
  ["feesCents", "Dealer fees"],
  ["addOnsCents", "Add-ons"],
  ["incentivesCents", "Incentives / rebates"],
  ["taxCents", "Taxes"],
  ["tradeInOfferCents", "Trade-in credit"],
] as const;

const OUTCOME_TEXT = {
  CONFIRMED: "Delivered and confirmed.",
  AWAITING_BUYER: "Delivered. The final price differs from the accepted one, so the buyer has been asked to confirm it.",
  DISPUTED: "The buyer disputed the final price. Keyturn's team can see the dispute and the lines that changed.",
  NOT_DELIVERED: "Closed without a delivery.",
} as const;

/** On a won lead: record the delivery (final lines, date, financing used, gross profit) or that there was none. */
export function DealerDelivery({ leadId }: { leadId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const delivery = useQuery({ ...trpc.delivery.forLead.queryOptions({ leadId }), retry: false });
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.delivery.forLead.queryKey({ leadId }) });
  const record = useMutation(trpc.delivery.record.mutationOptions({ onSuccess: refresh }));
  const notDelivered = useMutation(trpc.delivery.notDelivered.mutationOptions({ onSuccess: refresh }));
  const [mode, setMode] = useState<"form" | "none">("form");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [otd, setOtd] = useState<number | null>(null);
  const d = delivery.data;
  if (!d) return null;

  if (d.outcome) {
    return (
      <Card>
        <h2 className="text-base font-semibold text-ink">Delivery</h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="delivery-outcome">{OUTCOME_TEXT[d.outcome]}</p>
        {d.deliveredOn && <p className="text-sm text-slate-600">Delivered {shortDate(d.deliveredOn)}{d.financingUsed ? ` · ${financingUsedLabel[d.financingUsed]}` : ""}</p>}
        {d.notDeliveredReason && <p className="mt-1 text-sm text-slate-700">Reason: {d.notDeliveredReason}</p>}
        {d.changes.length > 0 && <div className="mt-3"><DeliveryChanges changes={d.changes} acceptedOtdCents={d.acceptedOtdCents} finalOtdCents={d.finalOtdCents} /></div>}
        {d.disputeReason && <p className="mt-2 text-sm text-slate-700">The buyer wrote: “{d.disputeReason}”</p>}
      </Card>
    );
  }

  const errors = { ...fieldErrors(record.error), ...clientErrors };
  const read = (form: HTMLFormElement) => {
    const f = new FormData(form);
    const money = readMoneyFields((k) => f.get(k), Object.fromEntries([...LINES.map(([k]) => [k, { cents: true }]), ["grossProfitCents", { cents: true }]]));
    const date = String(f.get("deliveredOn") ?? "");
    return {
      problems: money.problems as Record<string, string>,
      input: {
        dealId: d.dealId,
        deliveredOn: date ? new Date(`${date}T12:00:00Z`) : undefined,
        ...Object.fromEntries(LINES.map(([k]) => [k, money.values[k] ?? 0])),
        financingUsed: String(f.get("financingUsed") ?? "") || undefined,
        grossProfitCents: money.values.grossProfitCents ?? null,
      },
    };
  };
  const preview = (form: HTMLFormElement) => {
    const { input } = read(form);
    try {
      setOtd(computeQuoteTotals(input as never, 0).otdCents);
    } catch {
      setOtd(null);
    }
  };

  return (
    <Card>
      <h2 className="text-base font-semibold text-ink">Record the delivery</h2>
      <p className="mt-1 text-sm text-slate-600">
        Enter what the buyer actually paid. If any line differs from the accepted quote ({usd(d.acceptedOtdCents)} out the door), the buyer is asked to confirm or dispute it, line by
        line. Deliveries at the accepted price or lower count toward your price-honoured rate, which buyers see on your quotes.
      </p>
      {mode === "form" ? (
        <form
          noValidate
          aria-label="Record the delivery"
          className="mt-3 space-y-3"
          onChange={(e) => preview(e.currentTarget)}
          onSubmit={(e) => {
            e.preventDefault();
            const { input, problems } = read(e.currentTarget);
            const parsed = recordDeliveryInput.safeParse(input);
            const all = { ...(parsed.success ? {} : issuesToFields(parsed.error.issues)), ...problems };
            setClientErrors(all);
            if (parsed.success && Object.keys(all).length === 0) record.mutate(parsed.data);
          }}
        >
          {record.error && !Object.keys(fieldErrors(record.error)).length && <FormAlert>{errorMessage(record.error)}</FormAlert>}
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            <Field label="Delivered on" name="deliveredOn" type="date" defaultValue={new Date().toISOString().slice(0, 10)} error={errors.deliveredOn} />
            {LINES.map(([k, label]) => (
              <Field key={k} label={`${label} ($)`} name={k} inputMode="decimal" defaultValue={centsToDollars(d.accepted[k])} error={errors[k]} />
            ))}
          </div>
          <SelectField label="How it was paid for" name="financingUsed" defaultValue="" error={errors.financingUsed}>
            <option value="" disabled>Choose…</option>
            {FINANCING_USED.map((f) => <option key={f} value={f}>{financingUsedLabel[f]}</option>)}
          </SelectField>
          <Field label="Gross profit ($, optional)" name="grossProfitCents" inputMode="decimal" error={errors.grossProfitCents} hint="Only your analytics use it. The buyer never sees it." />
          <p className="rounded-lg bg-slate-50 p-2 text-sm" aria-live="polite">
            Final out-the-door total: <strong data-testid="delivery-otd-preview">{usd(otd ?? d.acceptedOtdCents)}</strong> (computed from the lines)
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setMode("none")}>It was not delivered</Button>
            <Button type="submit" pending={record.isPending}>Record delivery</Button>
          </div>
        </form>
      ) : (
        <form
          className="mt-3 space-y-3"
          aria-label="Not delivered"
          onSubmit={(e) => {
            e.preventDefault();
            notDelivered.mutate({ dealId: d.dealId, reason: String(new FormData(e.currentTarget).get("reason") ?? "") });
          }}
        >
          <TextAreaField label="Why was the car not delivered?" name="reason" rows={3} maxLength={500} error={fieldErrors(notDelivered.error).reason} hint="The buyer sees this." />
          {notDelivered.error && !fieldErrors(notDelivered.error).reason && <FormAlert>{errorMessage(notDelivered.error)}</FormAlert>}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setMode("form")}>Back</Button>
            <Button type="submit" pending={notDelivered.isPending}>Close without delivery</Button>
          </div>
        </form>
      )}
    </Card>
  );
}
