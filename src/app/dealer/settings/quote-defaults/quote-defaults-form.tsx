"use client";

// This form validates with the server's schema: the human error map comes with it (only where zod ships).
import "~/lib/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, Loading } from "~/components/ui/card";
import { Field, FormAlert } from "~/components/ui/field";
import { useFocusFirstError } from "~/components/ui/use-focus-first-error";
import { centsToDollars, intOrUndefined, issuesToFields, percentToBps } from "~/lib/format";
import { readMoneyFields } from "~/modules/money/parse-money";
import { updateQuoteDefaultsInput } from "~/modules/dealers/quote-defaults-input";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { TaxRateNote } from "./tax-rate-note";

const MONEY = { docFeeCents: { cents: true }, addOnsCents: { cents: true } } as const;

export function QuoteDefaultsForm({ isOwner }: { isOwner: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const defaults = useQuery(trpc.dealerSettings.quoteDefaults.queryOptions());
  const save = useMutation(trpc.dealerSettings.updateQuoteDefaults.mutationOptions({ onSuccess: (d) => qc.setQueryData(trpc.dealerSettings.quoteDefaults.queryKey(), d) }));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const errors = { ...fieldErrors(save.error), ...clientErrors };
  const formRef = useFocusFirstError(errors);
  if (defaults.isPending) return <Loading label="Loading quote defaults…" />;
  if (defaults.isError) return <FormAlert>{errorMessage(defaults.error)}</FormAlert>;
  const { saved: s, stateTable } = defaults.data;

  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Quote defaults"
      className="max-w-2xl space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const f = new FormData(e.currentTarget);
        const money = readMoneyFields((k) => f.get(k), MONEY);
        const rate = String(f.get("taxRate") ?? "").trim();
        const parsed = updateQuoteDefaultsInput.safeParse({
          docFeeCents: money.values.docFeeCents ?? 0,
          addOnsCents: money.values.addOnsCents ?? 0,
          addOnsLabel: String(f.get("addOnsLabel") ?? "").trim() || null,
          taxRateBps: rate === "" ? null : percentToBps(rate),
          quoteValidDays: intOrUndefined(f.get("quoteValidDays")),
          docFeeFixed: f.get("docFeeFixed") === "on",
        });
        // The money parser's sentences say what is wrong with what was typed; they win over the schema's.
        const problems = { ...(parsed.success ? {} : issuesToFields(parsed.error.issues)), ...money.problems };
        if (problems.taxRateBps && Number.isNaN(percentToBps(rate))) problems.taxRateBps = "Enter a percentage like 8.25, or leave it empty.";
        setClientErrors(problems);
        if (parsed.success && Object.keys(problems).length === 0) save.mutate(parsed.data, { onSuccess: () => setSaved(true) });
      }}
    >
      {!isOwner && <FormAlert tone="info">Only an owner of the dealership can change quote defaults.</FormAlert>}
      {saved && <FormAlert tone="success">Saved. New quotes drafted from your stock, and blank quote forms, start from these lines. Quotes already sent are unchanged.</FormAlert>}
      {save.error && !Object.keys(fieldErrors(save.error)).length && <FormAlert>{errorMessage(save.error)}</FormAlert>}
      <fieldset disabled={!isOwner} className="space-y-6">
        <Card>
          <h2 className="text-lg font-semibold">Fees and add-ons</h2>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <Field label="Doc fee ($)" name="docFeeCents" inputMode="decimal" defaultValue={centsToDollars(s.docFeeCents)} error={errors.docFeeCents} hint="Goes on the Dealer fees line. At most $5,000." />
            <label className="flex items-start gap-2 text-sm text-slate-800 sm:pt-7">
              <input type="checkbox" name="docFeeFixed" defaultChecked={s.docFeeFixed} className="mt-0.5 size-4 shrink-0 rounded border-slate-300" aria-describedby="doc-fee-fixed-hint" />
              <span>
                I charge this doc fee on every sale
                <span id="doc-fee-fixed-hint" className="block text-xs text-slate-600">Buyers who cap dealer fees below it are then not sent to you, since you could not meet their terms.</span>
              </span>
            </label>
            <Field label="Standard add-ons ($)" name="addOnsCents" inputMode="decimal" defaultValue={centsToDollars(s.addOnsCents)} error={errors.addOnsCents} hint="0 for none. At most $20,000." />
            <Field label="What the add-ons are" name="addOnsLabel" maxLength={60} defaultValue={s.addOnsLabel ?? ""} error={errors.addOnsLabel} hint="Required when the amount is more than 0, e.g. Window tint and mats." />
          </div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Tax and validity</h2>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <Field
              label="Sales tax rate (%)" name="taxRate" inputMode="decimal" placeholder="Use the state rate"
              defaultValue={s.taxRateBps == null ? "" : (s.taxRateBps / 100).toString()} error={errors.taxRateBps}
              hint={<TaxRateNote table={stateTable} />}
            />
            <Field label="Quotes valid for (days)" name="quoteValidDays" inputMode="numeric" defaultValue={s.quoteValidDays} error={errors.quoteValidDays} hint="From 1 to 60 days after sending." />
          </div>
          <p className="mt-3 text-xs text-slate-600">Tax on a draft is this rate times the vehicle price, doc fee and add-ons; a trade-in is not deducted. Edit the tax line on any quote where that differs.</p>
        </Card>
        <div className="flex justify-end">
          <Button type="submit" pending={save.isPending}>Save quote defaults</Button>
        </div>
      </fieldset>
    </form>
  );
}
