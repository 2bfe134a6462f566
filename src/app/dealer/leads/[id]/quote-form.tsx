"use client";

// This form validates with the server's schemas: the human error map comes with them (only where zod ships).
import "~/lib/zod";
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { Field, FormAlert, SelectField } from "~/components/ui/field";
import { centsToDollars, dollarsToCents, intOrUndefined, issuesToFields, usd } from "~/lib/format";
import { computeQuoteTotals } from "~/modules/quotes/pricing";
import { taxCents } from "~/modules/quotes/draft-from-unit";
import { formatRateBps } from "~/modules/quotes/state-tax";
import { readMoneyFields } from "~/modules/money/parse-money";
import { conditionAnswers, quoteFields, VEHICLE_CONDITIONS, vehicleConditionLabel, type QuoteFields } from "~/modules/quotes/schemas";
import { useFocusFirstError } from "~/components/ui/use-focus-first-error";
import { earliestValidUntil, termBreaches, type BuyerTerms } from "~/modules/requests/buyer-terms";

export type QuoteDraft = Partial<Omit<QuoteFields, "validUntil">> & { validUntil?: Date | string };

const MONEY_FIELDS = ["vehiclePriceCents", "feesCents", "addOnsCents", "incentivesCents", "tradeInOfferCents", "taxCents"];

const DAY_MS = 86_400_000;
/**
 * The date shown for a validity: the form sends the end of the chosen day (UTC), and the server allows at
 * most 60 days, so a day whose end would pass that shows as the day before.
 */
const dateInput = (d: Date) => {
  const day = d.toISOString().slice(0, 10);
  return new Date(`${day}T23:59:59Z`).getTime() > Date.now() + 60 * DAY_MS ? new Date(d.getTime() - DAY_MS).toISOString().slice(0, 10) : day;
};
const TAXED = new Set(["vehiclePriceCents", "feesCents", "addOnsCents"]);

/**
 * The vehicle and its price breakdown. The totals shown are a preview from the same pure function the
 * server uses; the server recomputes and stores them.
 */
export function QuoteForm({
  initial, downPaymentCents, requestedCondition, hasTradeIn, serverErrors, pending, submitLabel, onSubmit, onCancel, taxRateBps, notice, terms,
}: {
  /** The buyer's own terms: checked here before sending (the server checks again), each refusal beside its line. */
  terms: BuyerTerms;
  initial?: QuoteDraft;
  /** When given, the tax line follows this rate as the taxed lines are typed, until the dealer edits it. */
  taxRateBps?: number;
  /** Shown above the fields (where the lines came from). */
  notice?: React.ReactNode;
  downPaymentCents: number;
  /** What the buyer asked for: only conditions that answer it are offered. */
  requestedCondition: "NEW" | "USED" | "ANY";
  hasTradeIn: boolean;
  serverErrors: Record<string, string>;
  pending: boolean;
  submitLabel: string;
  onSubmit: (fields: QuoteFields) => void;
  onCancel?: () => void;
}) {
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<{ otd: number; financed: number } | null>(null);
  const errors = { ...serverErrors, ...clientErrors };
  const formRef = useFocusFirstError(errors);
  // The date starts no earlier than the buyer's minimum validity: a date is not a price, so meeting it is the obvious default.
  const earliest = earliestValidUntil(terms, new Date());
  const startValid = initial?.validUntil ? new Date(initial.validUntil) : new Date(Date.now() + 7 * 86_400_000);
  const defaultValid = earliest && startValid < earliest ? earliest : startValid;
  const [taxEdited, setTaxEdited] = useState(false);

  // The tax line at the rate, from what is typed now; left alone when a taxed line does not parse.
  function followTax(form: HTMLFormElement) {
    if (taxRateBps == null || taxEdited) return;
    const v = read(form);
    if (v.vehiclePriceCents == null || [v.vehiclePriceCents, v.feesCents, v.addOnsCents].some(Number.isNaN)) return;
    const input = form.elements.namedItem("taxCents") as HTMLInputElement | null;
    if (input) input.value = centsToDollars(taxCents(v.vehiclePriceCents + v.feesCents + v.addOnsCents, taxRateBps));
  }

  function read(form: HTMLFormElement) {
    const f = new FormData(form);
    const date = String(f.get("validUntil") ?? "");
    return {
      year: intOrUndefined(f.get("year")),
      make: String(f.get("make") ?? ""),
      model: String(f.get("model") ?? ""),
      trim: String(f.get("trim") ?? "").trim() || undefined,
      vin: String(f.get("vin") ?? ""),
      condition: (String(f.get("condition") ?? "") || undefined) as QuoteFields["condition"] | undefined,
      mileage: intOrUndefined(f.get("mileage")),
      inStock: f.get("inStock") === "on",
      vehiclePriceCents: dollarsToCents(f.get("vehiclePriceCents")),
      feesCents: dollarsToCents(f.get("feesCents")) ?? 0,
      addOnsCents: dollarsToCents(f.get("addOnsCents")) ?? 0,
      incentivesCents: dollarsToCents(f.get("incentivesCents")) ?? 0,
      tradeInOfferCents: dollarsToCents(f.get("tradeInOfferCents")) ?? 0,
      taxCents: dollarsToCents(f.get("taxCents")) ?? 0,
      // End of the chosen day, UTC: "valid until the 30th" includes the 30th.
      validUntil: date ? new Date(`${date}T23:59:59Z`) : undefined,
    };
  }

  function updatePreview(form: HTMLFormElement) {
    const v = read(form);
    // A total without a vehicle price would be the fees alone (the defaults prefill them): show none yet.
    if (v.vehiclePriceCents == null) return setPreview(null);
    try {
      const t = computeQuoteTotals(
        { vehiclePriceCents: v.vehiclePriceCents ?? 0, feesCents: v.feesCents, addOnsCents: v.addOnsCents, incentivesCents: v.incentivesCents, taxCents: v.taxCents, tradeInOfferCents: v.tradeInOfferCents },
        downPaymentCents,
      );
      setPreview({ otd: t.otdCents, financed: t.amountFinancedCents });
    } catch {
      setPreview(null);
    }
  }

  // Show the totals of a quote being revised straight away.
  useEffect(() => {
    if (formRef.current) updatePreview(formRef.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <form
      noValidate
      aria-label="Quote"
      className="space-y-4"
      onChange={(e) => {
        const name = (e.target as unknown as HTMLInputElement).name;
        if (name === "taxCents") setTaxEdited(true);
        else if (TAXED.has(name)) followTax(e.currentTarget);
        updatePreview(e.currentTarget);
      }}
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = quoteFields.safeParse(read(e.currentTarget));
        const money = readMoneyFields((k) => new FormData(e.currentTarget).get(k), Object.fromEntries(MONEY_FIELDS.map((k) => [k, { cents: true }]))).problems;
        const problems: Record<string, string> = { ...(parsed.success ? {} : issuesToFields(parsed.error.issues)), ...money };
        if (parsed.success && parsed.data.incentivesCents > parsed.data.vehiclePriceCents + parsed.data.feesCents + parsed.data.addOnsCents) problems.incentivesCents = "Incentives cannot exceed the price.";
        if (parsed.success) for (const [k, m] of Object.entries(termBreaches(terms, parsed.data, new Date()))) problems[k] ??= m;
        setClientErrors(problems);
        if (parsed.success && Object.keys(problems).length === 0) onSubmit(parsed.data);
      }}
    >
      {Object.keys(errors).length > 0 && <FormAlert>Please fix the highlighted fields.</FormAlert>}
      {notice}
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold text-ink">Vehicle</legend>
        <Field label="Year" name="year" inputMode="numeric" defaultValue={initial?.year ?? ""} error={errors.year} />
        <Field label="Make" name="make" defaultValue={initial?.make ?? ""} error={errors.make} />
        <Field label="Model" name="model" defaultValue={initial?.model ?? ""} error={errors.model} />
        <Field label="Trim" name="trim" defaultValue={initial?.trim ?? ""} error={errors.trim} />
        <Field className="col-span-2" label="VIN" name="vin" autoCapitalize="characters" spellCheck={false} maxLength={17} defaultValue={initial?.vin ?? ""} error={errors.vin} />
        <SelectField className="col-span-2" label="Condition" name="condition" defaultValue={initial?.condition ?? ""} error={errors.condition}>
          {/* No default: lenders price by this, so the dealer states it rather than inheriting a guess. */}
          <option value="" disabled>Choose…</option>
          {VEHICLE_CONDITIONS.filter((c) => conditionAnswers(requestedCondition, c)).map((c) => (
            <option key={c} value={c}>{vehicleConditionLabel[c]}</option>
          ))}
        </SelectField>
        <Field label="Mileage" name="mileage" inputMode="numeric" defaultValue={initial?.mileage ?? ""} error={errors.mileage} />
        <div className="self-end pb-2">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox" name="inStock" defaultChecked={initial?.inStock ?? true} className="size-4 rounded border-slate-300"
              aria-invalid={errors.inStock ? true : undefined} aria-describedby={errors.inStock ? "inStock-err" : undefined}
            /> In stock
          </label>
          {errors.inStock && <p id="inStock-err" className="mt-1 text-sm text-red-700">{errors.inStock}</p>}
        </div>
      </fieldset>
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-ink">Price breakdown ($)</legend>
        <Field label="Vehicle price" name="vehiclePriceCents" inputMode="decimal" defaultValue={centsToDollars(initial?.vehiclePriceCents)} error={errors.vehiclePriceCents} />
        <Field label="Dealer fees" name="feesCents" inputMode="decimal" defaultValue={centsToDollars(initial?.feesCents ?? 0)} error={errors.feesCents} hint={terms.maxFeesCents != null ? `Doc fee, registration… The buyer accepts at most ${usd(terms.maxFeesCents)}.` : "Doc fee, registration…"} />
        <Field label="Add-ons" name="addOnsCents" inputMode="decimal" defaultValue={centsToDollars(initial?.addOnsCents ?? 0)} error={errors.addOnsCents} hint={terms.noAddOns ? "The buyer asked for no add-ons." : undefined} />
        <Field label="Incentives / rebates" name="incentivesCents" inputMode="decimal" defaultValue={centsToDollars(initial?.incentivesCents ?? 0)} error={errors.incentivesCents} />
        <Field
          label="Estimated tax" name="taxCents" inputMode="decimal" defaultValue={centsToDollars(initial?.taxCents ?? 0)} error={errors.taxCents}
          hint={taxRateBps != null && !taxEdited ? `${formatRateBps(taxRateBps)} of vehicle price, fees and add-ons, updated as you type; edit it to set your own.` : undefined}
        />
        {hasTradeIn ? (
          <Field label="Trade-in offer" name="tradeInOfferCents" inputMode="decimal" defaultValue={centsToDollars(initial?.tradeInOfferCents ?? 0)} error={errors.tradeInOfferCents} />
        ) : (
          <input type="hidden" name="tradeInOfferCents" value="0" />
        )}
        <Field
          label="Valid until" name="validUntil" type="date" defaultValue={dateInput(defaultValid)} error={errors.validUntil}
          hint={terms.minValidDays != null ? `The buyer asks for at least ${terms.minValidDays} day${terms.minValidDays === 1 ? "" : "s"}.` : undefined}
        />
      </fieldset>
      <div className="rounded-lg bg-slate-50 p-3 text-sm" aria-live="polite">
        <div className="flex justify-between"><span className="text-slate-700">Out-the-door total</span><strong data-testid="otd-preview">{preview ? usd(preview.otd) : "—"}</strong></div>
        <div className="flex justify-between"><span className="text-slate-700">Amount financed (after {usd(downPaymentCents)} down{hasTradeIn ? " and trade-in" : ""})</span><span>{preview ? usd(preview.financed) : "—"}</span></div>
        <p className="mt-1 text-xs text-slate-600">Computed by Keyturn from your breakdown; you do not type the total.</p>
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel && <Button type="button" variant="secondary" onClick={onCancel}>Cancel</Button>}
        <Button type="submit" pending={pending}>{submitLabel}</Button>
      </div>
    </form>
  );
}
