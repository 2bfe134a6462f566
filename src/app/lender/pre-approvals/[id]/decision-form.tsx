"use client";

// This form validates with the server's schemas: the human error map comes with them (only where zod ships).
import "~/lib/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Field, FormAlert, TextAreaField } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { centsToDollars, dollarsToCents, intOrUndefined, issuesToFields, linesOf, percentToBps } from "~/lib/format";
import { amountLentCents, formatCents, monthlyPaymentCents } from "~/modules/lending/amortization";
import { consoleDecisionSchema } from "~/modules/lending/schemas";
import { useFocusFirstError } from "~/components/ui/use-focus-first-error";

type Outcome = "approved" | "conditional" | "declined";
const outcomes: { value: Outcome; label: string }[] = [
  { value: "approved", label: "Approve" },
  { value: "conditional", label: "Approve with conditions" },
  { value: "declined", label: "Decline" },
];

type Shown = { id: string; quoteVersion: number; amountCents: number; status: string; aprBps: number | null; termMonths: number | null; maxAmountCents: number | null; request: { termMonths: number | null } };

/**
 * Approve, approve with conditions, or decline. The payment preview uses the same amortization the server
 * stores; the server numbers the decision and re-checks the quote version it answers.
 */
export function DecisionForm({ preApproval: p, monthlyIncomeCents }: { preApproval: Shown; monthlyIncomeCents: number | null }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>(p.status === "DECLINED" ? "declined" : p.status === "CONDITIONAL" ? "conditional" : "approved");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [terms, setTerms] = useState({ apr: p.aprBps !== null ? (p.aprBps / 100).toFixed(2) : "", term: String(p.termMonths ?? p.request.termMonths ?? 60), max: centsToDollars(p.maxAmountCents ?? p.amountCents) });
  const decide = useMutation(
    trpc.lending.decide.mutationOptions({
      onSuccess: (row) => {
        // Merge the decision into the page rather than refetching it: a refetch would read (and log) the
        // buyer's data a second time for nothing.
        qc.setQueryData(trpc.lending.preApproval.queryKey({ id: p.id }), (old) => (old ? { ...old, ...row } : old));
        void qc.invalidateQueries({ queryKey: trpc.lending.overview.queryKey() });
      },
    }),
  );
  const errors = { ...fieldErrors(decide.error), ...clientErrors };
  const formRef = useFocusFirstError(errors);
  const first = p.status === "PENDING";

  const aprBps = percentToBps(terms.apr);
  const termMonths = intOrUndefined(terms.term);
  const maxCents = dollarsToCents(terms.max);
  const payment = outcome === "declined" ? null : previewPayment(p.amountCents, maxCents, aprBps, termMonths);

  return (
    <form ref={formRef}
      noValidate
      aria-label="Decision"
      className="mt-4 space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const base = { id: p.id, quoteVersion: p.quoteVersion, decision: outcome };
        const input =
          outcome === "declined"
            ? { ...base, reasons: linesOf(f.get("reasons")) }
            : { ...base, aprBps, termMonths, maxAmountCents: maxCents, ...(outcome === "conditional" ? { conditions: linesOf(f.get("conditions")) } : {}) };
        const parsed = consoleDecisionSchema.safeParse(input);
        setClientErrors(parsed.success ? {} : issuesToFields(parsed.error.issues));
        if (parsed.success) decide.mutate(parsed.data);
      }}
    >
      {!first && <p className="text-sm text-slate-600">A new decision replaces the one above; the buyer sees it at once.</p>}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3 lg:grid-cols-1">
          {outcomes.map((o) => (
            <label key={o.value} className={`flex cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm ${outcome === o.value ? "border-brand-500 bg-brand-50" : "border-slate-300"}`}>
              <input type="radio" name="decision" value={o.value} checked={outcome === o.value} onChange={() => { setOutcome(o.value); setClientErrors({}); }} className="size-4" />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      {outcome !== "declined" && (
        <div className="grid grid-cols-2 gap-3">
          <Field label="APR (%)" name="apr" inputMode="decimal" value={terms.apr} onChange={(e) => setTerms({ ...terms, apr: e.target.value })} error={errors.aprBps} />
          <Field label="Term (months)" name="termMonths" inputMode="numeric" value={terms.term} onChange={(e) => setTerms({ ...terms, term: e.target.value })} error={errors.termMonths} />
          <Field className="col-span-2" label="Most you will lend ($)" name="maxAmountCents" inputMode="decimal" value={terms.max} onChange={(e) => setTerms({ ...terms, max: e.target.value })} error={errors.maxAmountCents} />
        </div>
      )}
      {outcome === "conditional" && (
        <TextAreaField label="Conditions" name="conditions" rows={3} hint="One per line, e.g. proof of income." defaultValue="" error={errors.conditions} />
      )}
      {outcome === "declined" && (
        <TextAreaField
          label="Principal reasons"
          name="reasons"
          rows={3}
          hint="One per line. They go on the buyer's adverse-action notice, with the score you saw."
          error={errors.reasons}
        />
      )}
      {payment !== null && (
        <div className="rounded-lg bg-slate-50 p-3 text-sm" aria-live="polite">
          <div className="flex justify-between"><span className="text-slate-700">Monthly payment</span><strong data-testid="payment-preview">{formatCents(payment)}</strong></div>
          {monthlyIncomeCents ? (
            <div className="flex justify-between"><span className="text-slate-700">Payment to income</span><span>{((payment / monthlyIncomeCents) * 100).toFixed(1)}%</span></div>
          ) : null}
        </div>
      )}
      {Object.keys(clientErrors).length > 0 && <FormAlert>Please fix the highlighted fields.</FormAlert>}
      {decide.error && Object.keys(clientErrors).length === 0 && <FormAlert>{errorMessage(decide.error)}</FormAlert>}
      {decide.isSuccess && !decide.isPending && <FormAlert tone="success">Decision recorded. The buyer sees it now.</FormAlert>}
      <Button type="submit" className="w-full" pending={decide.isPending}>{first ? "Record decision" : "Replace decision"}</Button>
    </form>
  );
}

/** The payment for the terms typed so far; none while they are incomplete or out of range (APR over 100 %, …). */
function previewPayment(amountCents: number, maxCents: number | undefined, aprBps: number | undefined, termMonths: number | undefined) {
  if (maxCents === undefined || aprBps === undefined || termMonths === undefined) return null;
  try {
    return monthlyPaymentCents(amountLentCents(amountCents, maxCents), aprBps, termMonths);
  } catch {
    return null; // monthlyPaymentCents refuses NaN and out-of-range terms with a RangeError
  }
}
