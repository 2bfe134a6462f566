"use client";

// This form validates with the server's schemas: the human error map comes with them (only where zod ships).
import "~/lib/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ReachPreview, reachTermsFrom } from "~/components/requests/reach-preview";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field, FormAlert, SelectField } from "~/components/ui/field";
import { centsToDollars, dollarsToCents, intOrUndefined, issuesToFields } from "~/lib/format";
import { readMoneyFields } from "~/modules/money/parse-money";
import { CreditShareField, type CreditShareOptions } from "~/components/requests/credit-share-field";
import { BuyerTermsFields } from "~/components/requests/buyer-terms-fields";
import { GarageTradeInPicker, ReturningBuyerField, type GarageCar } from "~/components/requests/garage-trade-in";
import {
  BODY_TYPES, bodyTypeLabel, CONDITIONS, conditionLabel, createRequestInput, MAKES, TERMS, TIMELINES, timelineLabel, updateRequestInput,
} from "~/modules/requests/schemas";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { useFocusFirstError } from "~/components/ui/use-focus-first-error";

export type RequestFormValues = Partial<{
  bodyType: string; condition: string; makes: string[]; model: string | null; yearMin: number | null; yearMax: number | null;
  maxMileage: number | null; features: string[]; maxPriceCents: number | null; maxMonthlyCents: number | null; termMonths: number | null;
  downPaymentCents: number; tradeInYear: number | null; tradeInMake: string | null; tradeInModel: string | null; tradeInMileage: number | null;
  wantsFinancing: boolean; zip: string | null; radiusMiles: number; timeline: string;
  noAddOns: boolean; maxFeesCents: number | null; minValidDays: number | null; threadOnly: boolean; inStockOnly: boolean;
}>;

const RADII = [10, 25, 50, 75, 100, 150, 250];


function readForm(f: FormData) {
  const text = (k: string) => String(f.get(k) ?? "").trim() || undefined;
  return {
    bodyType: String(f.get("bodyType") ?? ""),
    condition: String(f.get("condition") ?? ""),
    makes: f.getAll("makes").map(String),
    model: text("model"),
    yearMin: intOrUndefined(f.get("yearMin")),
    yearMax: intOrUndefined(f.get("yearMax")),
    maxMileage: intOrUndefined(f.get("maxMileage")),
    features: String(f.get("features") ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    maxPriceCents: dollarsToCents(f.get("maxPriceCents")),
    maxMonthlyCents: dollarsToCents(f.get("maxMonthlyCents")),
    termMonths: intOrUndefined(f.get("termMonths")),
    downPaymentCents: dollarsToCents(f.get("downPaymentCents")) ?? 0,
    tradeInYear: intOrUndefined(f.get("tradeInYear")),
    tradeInMake: text("tradeInMake"),
    tradeInModel: text("tradeInModel"),
    tradeInMileage: intOrUndefined(f.get("tradeInMileage")),
    wantsFinancing: f.get("wantsFinancing") === "on",
    zip: String(f.get("zip") ?? "").trim(),
    radiusMiles: Number(f.get("radiusMiles")),
    timeline: String(f.get("timeline") ?? ""),
    noAddOns: f.get("noAddOns") === "on",
    maxFeesCents: dollarsToCents(f.get("maxFeesCents")),
    minValidDays: intOrUndefined(f.get("minValidDays")),
    threadOnly: f.get("threadOnly") === "on",
    inStockOnly: f.get("inStockOnly") === "on",
  };
}

/** Posting a request, or editing one (requestId set). Validates here with the server's own schema, then again on the server. */
export function RequestForm({ initial = {}, requestId, creditShare, garage = [] }: { initial?: RequestFormValues; requestId?: string; creditShare?: CreditShareOptions; garage?: GarageCar[] }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const create = useMutation(trpc.requests.create.mutationOptions());
  const update = useMutation(trpc.requests.update.mutationOptions());
  const selfReport = useMutation(trpc.vault.selfReport.mutationOptions());
  const active = requestId ? update : create;
  const errors = { ...fieldErrors(active.error), ...clientErrors };
  const formRef = useFocusFirstError(errors);
  const [makes, setMakes] = useState<string[]>(initial.makes ?? []);
  // The live reach preview reads the form as it stands (uncontrolled fields), on every change.
  const [reachTerms, setReachTerms] = useState<ReturnType<typeof reachTermsFrom>>(null);
  const readReach = () => {
    if (formRef.current) setReachTerms(reachTermsFrom(readForm(new FormData(formRef.current))));
  };
  // Once on mount, for the defaults the form opens with.
  useEffect(readReach, []);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const values = readForm(f);
    // The money parser's sentence ("Must be zero or more.") beats the schema's generic one for that field.
    const money = readMoneyFields((k) => f.get(k), { maxPriceCents: { cents: true }, maxMonthlyCents: { cents: true }, downPaymentCents: { cents: true }, maxFeesCents: { cents: true } }).problems;
    if (requestId) {
      const parsed = updateRequestInput.safeParse({ ...values, requestId });
      if (!parsed.success) return setClientErrors({ ...issuesToFields(parsed.error.issues), ...money });
      setClientErrors({});
      update.mutate(parsed.data, {
        onSuccess: async () => {
          await qc.invalidateQueries({ queryKey: trpc.requests.pathKey() });
          router.push(`/customer/requests/${requestId}`);
        },
      });
    } else {
      const shareCredit = f.get("shareCredit") === "on";
      const chosen = f.get("lenderScope") === "SOME" ? { shareWithLenderIds: f.getAll("shareWithLenderIds").map(String) } : {};
      const tellReturningBuyer = f.get("tellReturningBuyer") === "on";
      const parsed = createRequestInput.safeParse({ ...values, shareCredit, tellReturningBuyer, ...(shareCredit ? chosen : {}) });
      // Sharing without a band on file: the band is asked for here, and saved before the request is posted.
      const band = String(f.get("creditBand") ?? "");
      const needsBand = shareCredit && creditShare != null && !creditShare.creditTier;
      const problems: Record<string, string> = { ...(parsed.success ? {} : issuesToFields(parsed.error.issues)), ...money };
      if (needsBand && !band) problems.creditBand = creditShare.hasProfile ? "Choose your credit band, or untick sharing." : "Save your details on your profile first, or untick sharing.";
      setClientErrors(problems);
      if (!parsed.success || Object.keys(problems).length) return;
      const post = () =>
        create.mutate(parsed.data, {
          onSuccess: async ({ id }) => {
            await qc.invalidateQueries({ queryKey: trpc.requests.pathKey() });
            router.push(`/customer/requests/${id}`);
          },
        });
      if (needsBand) selfReport.mutate({ tier: band as "PRIME" }, { onSuccess: post, onError: (e) => setClientErrors({ creditBand: errorMessage(e) }) });
      else post();
    }
  }

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form ref={formRef} onSubmit={onSubmit} onChange={readReach} noValidate className="space-y-6" aria-label={requestId ? "Edit request" : "New request"}>
      {active.error && !Object.keys(fieldErrors(active.error)).length && <FormAlert>{errorMessage(active.error)}</FormAlert>}
      {hasErrors && <FormAlert>Please fix the highlighted fields.</FormAlert>}

      <Card>
        <h2 className="text-lg font-semibold">The car</h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <SelectField label="Body type" name="bodyType" defaultValue={initial.bodyType ?? ""} error={errors.bodyType}>
            <option value="" disabled>Choose…</option>
            {BODY_TYPES.map((b) => <option key={b} value={b}>{bodyTypeLabel[b]}</option>)}
          </SelectField>
          <SelectField label="New or used" name="condition" defaultValue={initial.condition ?? "ANY"} error={errors.condition}>
            {CONDITIONS.map((c) => <option key={c} value={c}>{conditionLabel[c]}</option>)}
          </SelectField>
        </div>
        <fieldset className="mt-4" aria-describedby={errors.makes ? "makes-err" : "makes-hint"}>
          <legend className="text-sm font-medium text-slate-800">Makes <span className="font-normal text-slate-600">(optional, up to 5)</span></legend>
          <p id="makes-hint" className="text-xs text-slate-600">Leave empty to hear from dealers of any make.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            {MAKES.map((m) => {
              const on = makes.includes(m);
              return (
                <label key={m} className={`cursor-pointer rounded-full border px-3 py-1 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${on ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}>
                  <input type="checkbox" name="makes" value={m} checked={on} onChange={() => setMakes(on ? makes.filter((x) => x !== m) : [...makes, m])} className="sr-only" />
                  {m}
                </label>
              );
            })}
          </div>
          {errors.makes && <p id="makes-err" className="mt-1 text-sm text-red-700">{errors.makes}</p>}
        </fieldset>
        <div className="mt-4 grid gap-4 sm:grid-cols-4">
          <Field className="sm:col-span-2" label="Model (optional)" name="model" defaultValue={initial.model ?? ""} error={errors.model} placeholder="e.g. RAV4" />
          <Field label="Oldest year" name="yearMin" inputMode="numeric" defaultValue={initial.yearMin ?? ""} error={errors.yearMin} />
          <Field label="Newest year" name="yearMax" inputMode="numeric" defaultValue={initial.yearMax ?? ""} error={errors.yearMax} />
          <Field className="sm:col-span-2" label="Max mileage (optional)" name="maxMileage" inputMode="numeric" defaultValue={initial.maxMileage ?? ""} error={errors.maxMileage} />
          <Field className="sm:col-span-2" label="Must-have features (optional)" name="features" defaultValue={(initial.features ?? []).join(", ")} error={errors.features} hint="Separate with commas: AWD, heated seats" />
        </div>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">Budget</h2>
        <p className="mt-1 text-sm text-slate-600">A maximum out-the-door price, a monthly payment, or both.</p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <Field label="Max out-the-door price ($)" name="maxPriceCents" inputMode="decimal" defaultValue={centsToDollars(initial.maxPriceCents)} error={errors.maxPriceCents} />
          <Field label="Down payment ($)" name="downPaymentCents" inputMode="decimal" defaultValue={centsToDollars(initial.downPaymentCents ?? 0)} error={errors.downPaymentCents} />
          <Field label="Max monthly payment ($)" name="maxMonthlyCents" inputMode="decimal" defaultValue={centsToDollars(initial.maxMonthlyCents)} error={errors.maxMonthlyCents} />
          <SelectField label="Loan term" name="termMonths" defaultValue={initial.termMonths ?? ""} error={errors.termMonths}>
            <option value="">No monthly target</option>
            {TERMS.map((t) => <option key={t} value={t}>{t} months</option>)}
          </SelectField>
        </div>
        <label className="mt-4 flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="wantsFinancing" defaultChecked={initial.wantsFinancing ?? true} className="size-4 rounded border-slate-300" />
          I want financing offers with the quotes
        </label>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">Trade-in <span className="text-sm font-normal text-slate-600">(optional)</span></h2>
        <GarageTradeInPicker cars={garage} />
        <div className="mt-4 grid gap-4 sm:grid-cols-4">
          <Field label="Year" name="tradeInYear" inputMode="numeric" defaultValue={initial.tradeInYear ?? ""} error={errors.tradeInYear} />
          <Field label="Make" name="tradeInMake" defaultValue={initial.tradeInMake ?? ""} error={errors.tradeInMake} />
          <Field label="Model" name="tradeInModel" defaultValue={initial.tradeInModel ?? ""} error={errors.tradeInModel} />
          <Field label="Mileage" name="tradeInMileage" inputMode="numeric" defaultValue={initial.tradeInMileage ?? ""} error={errors.tradeInMileage} />
        </div>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">Where and when</h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-3">
          <Field label="ZIP code" name="zip" inputMode="numeric" maxLength={5} autoComplete="postal-code" defaultValue={initial.zip ?? ""} error={errors.zip} />
          <SelectField label="Search radius" name="radiusMiles" defaultValue={initial.radiusMiles ?? 50} error={errors.radiusMiles}>
            {RADII.map((r) => <option key={r} value={r}>{r} miles</option>)}
          </SelectField>
          <SelectField label="When will you buy?" name="timeline" defaultValue={initial.timeline ?? "WITHIN_MONTH"} error={errors.timeline}>
            {TIMELINES.map((t) => <option key={t} value={t}>{timelineLabel[t]}</option>)}
          </SelectField>
        </div>
        <ReachPreview terms={reachTerms} />
      </Card>

      <Card>
        <BuyerTermsFields initial={{ ...initial, maxFeesCents: initial.maxFeesCents ?? null, minValidDays: initial.minValidDays ?? null }} errors={errors} />
      </Card>

      {!requestId && creditShare && (
        <Card>
          <CreditShareField options={creditShare} errors={errors} />
        </Card>
      )}
      {!requestId && (
        <Card>
          <ReturningBuyerField />
        </Card>
      )}

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <ButtonLink href={requestId ? `/customer/requests/${requestId}` : "/customer"} variant="secondary">Cancel</ButtonLink>
        <Button type="submit" pending={active.isPending || selfReport.isPending}>{requestId ? "Save changes" : "Post my request"}</Button>
      </div>
      <p className="text-center text-xs text-slate-600 sm:text-right">Dealers see what you want, your city and credit band, never your name or contact details.</p>
    </form>
  );
}
