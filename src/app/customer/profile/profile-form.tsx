"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Badge, Card, Loading } from "~/components/ui/card";
import { Field, FormAlert, SelectField } from "~/components/ui/field";
import { SOFT_PULL_TEXT } from "~/modules/consent/texts";
import { CREDIT_TIERS } from "~/modules/lending/credit-tiers";
import { SANDBOX_IDENTITIES } from "~/modules/vault/credit-bureau";
import type { MyProfile } from "~/modules/vault/get-my-profile";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { readMoneyFields } from "~/modules/money/parse-money";
import { useFocusFirstError } from "~/components/ui/use-focus-first-error";

const dollars = (cents: number | null) => (cents == null ? "" : String(Math.round(cents / 100)));
// Income and housing are whole dollars here: "40,000.50" is refused with a sentence, never rounded.
const WHOLE = { cents: false };
const str = (f: FormData, k: string) => String(f.get(k) ?? "");

export function ProfileForm() {
  const trpc = useTRPC();
  const profile = useQuery(trpc.vault.profile.queryOptions());
  if (profile.isPending) return <Loading label="Loading your profile" />;
  if (profile.error) return <FormAlert>{errorMessage(profile.error)}</FormAlert>;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_380px]">
      <DetailsForm p={profile.data} />
      <CreditCard p={profile.data} />
    </div>
  );
}

function DetailsForm({ p }: { p: MyProfile }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const save = useMutation(trpc.vault.save.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.vault.profile.queryKey() }) }));
  const [moneyErrors, setMoneyErrors] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...moneyErrors };
  const formRef = useFocusFirstError(errors);
  return (
    <form ref={formRef}
      noValidate
      className="space-y-6"
      aria-label="Your details"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const money = readMoneyFields((k: "annualIncomeCents" | "housingCostCents") => f.get(k === "annualIncomeCents" ? "income" : "housing"), { annualIncomeCents: WHOLE, housingCostCents: WHOLE });
        setMoneyErrors(money.problems);
        if (Object.keys(money.problems).length) return;
        save.mutate({
          firstName: str(f, "firstName"),
          lastName: str(f, "lastName"),
          phone: str(f, "phone"),
          street: str(f, "street"),
          city: str(f, "city"),
          state: str(f, "state"),
          zip: str(f, "zip"),
          employer: str(f, "employer"),
          annualIncomeCents: money.values.annualIncomeCents ?? null,
          housingCostCents: money.values.housingCostCents ?? null,
        });
      }}
    >
      <Card>
        <h2 className="text-lg font-semibold">Contact details and address</h2>
        <p className="mt-1 text-sm text-slate-600">Dealers never see these while they quote. Only the dealer whose quote you accept gets your name, email and phone, and not even that dealer if your request asks for contact only through the Keyturn thread.</p>
        <div className="mt-4 grid gap-3 sm:grid-cols-2">
          <Field label="First name" name="firstName" autoComplete="given-name" defaultValue={p.firstName} error={errors.firstName} />
          <Field label="Last name" name="lastName" autoComplete="family-name" defaultValue={p.lastName} error={errors.lastName} />
          <Field label="Email" name="email" value={p.email} readOnly disabled hint="Your sign-in email" />
          <Field label="Phone" name="phone" type="tel" autoComplete="tel" defaultValue={p.phone ?? ""} error={errors.phone} />
          <Field label="Street address" name="street" autoComplete="street-address" defaultValue={p.street ?? ""} error={errors.street} className="sm:col-span-2" />
          <Field label="City" name="city" autoComplete="address-level2" defaultValue={p.city ?? ""} error={errors.city} />
          <div className="grid grid-cols-2 gap-3">
            <Field label="State" name="state" autoComplete="address-level1" maxLength={2} defaultValue={p.state ?? ""} error={errors.state} />
            <Field label="ZIP code" name="zip" inputMode="numeric" autoComplete="postal-code" maxLength={5} defaultValue={p.zip ?? ""} error={errors.zip} />
          </div>
        </div>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Work, income and housing</h2>
        <p className="mt-1 text-sm text-slate-600">Lenders use these to pre-approve you, only when you tick “share with lenders” on a request. Stored encrypted.</p>
        <div className="mt-4 grid gap-3 sm:grid-cols-2">
          <Field label="Employer" name="employer" autoComplete="organization" defaultValue={p.employer ?? ""} error={errors.employer} className="sm:col-span-2" />
          <Field label="Yearly income before tax ($)" name="income" inputMode="numeric" defaultValue={dollars(p.annualIncomeCents)} error={errors.annualIncomeCents} />
          <Field label="Monthly rent or mortgage ($)" name="housing" inputMode="numeric" defaultValue={dollars(p.housingCostCents)} error={errors.housingCostCents} />
        </div>
      </Card>
      {save.isSuccess && <FormAlert tone="success">Saved. Your next request will use these details.</FormAlert>}
      {save.error && <FormAlert>{errorMessage(save.error)}</FormAlert>}
      <Button type="submit" pending={save.isPending}>Save my details</Button>
    </form>
  );
}

function CreditCard({ p }: { p: MyProfile }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.vault.profile.queryKey() });
  const self = useMutation(trpc.vault.selfReport.mutationOptions({ onSuccess: refresh }));
  const pull = useMutation(trpc.vault.softPull.mutationOptions({ onSuccess: refresh }));
  const [mode, setMode] = useState<"band" | "check">("band");
  const selfErr = fieldErrors(self.error);
  const pullErr = fieldErrors(pull.error);
  const tierLabel = (t: string) => CREDIT_TIERS.find((x) => x.tier === t)?.label ?? t;

  return (
    <Card className="h-fit">
      <h2 className="text-lg font-semibold">Credit profile</h2>
      {p.credit ? (
        <div className="mt-3 rounded-lg bg-slate-50 p-3" data-testid="credit-summary">
          <p className="text-sm text-slate-700">Your credit band</p>
          <p className="text-lg font-semibold">{tierLabel(p.credit.tier)}</p>
          <p className="mt-1 text-sm text-slate-600">
            {p.credit.source === "BUREAU" ? (
              <>Score {p.credit.score} from a soft check{p.credit.pulledAt ? ` on ${new Date(p.credit.pulledAt).toLocaleDateString()}` : ""}. <Badge tone="green">Verified</Badge></>
            ) : (
              <>You told us this band. <Badge>Self-reported</Badge></>
            )}
          </p>
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-600">Add one so lenders can pre-approve real rates on your quotes.</p>
      )}

      <div role="radiogroup" aria-label="How to add your credit" className="mt-4 grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1 text-sm font-medium">
        {(["band", "check"] as const).map((m) => (
          <button key={m} type="button" role="radio" aria-checked={mode === m} onClick={() => setMode(m)}
            className={`rounded-md px-2 py-1.5 ${mode === m ? "bg-white text-ink shadow-sm" : "text-slate-700"}`}>
            {m === "band" ? "I know my band" : "Check my credit"}
          </button>
        ))}
      </div>

      {mode === "band" ? (
        <form noValidate className="mt-4 space-y-3" onSubmit={(e) => { e.preventDefault(); const tier = new FormData(e.currentTarget).get("tier") as (typeof CREDIT_TIERS)[number]["tier"]; self.mutate({ tier }); }}>
          <SelectField label="My credit score is about" name="tier" defaultValue={p.credit?.tier ?? "PRIME"} error={selfErr.tier}>
            {CREDIT_TIERS.map((t) => <option key={t.tier} value={t.tier}>{t.label}</option>)}
          </SelectField>
          {self.error && !selfErr.tier && <FormAlert>{errorMessage(self.error)}</FormAlert>}
          {self.isSuccess && <FormAlert tone="success">Saved your band.</FormAlert>}
          <Button type="submit" variant="secondary" pending={self.isPending} className="w-full">Use this band</Button>
        </form>
      ) : (
        <form
          noValidate
          className="mt-4 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            pull.mutate({ agreed: f.get("agreed") === "on" ? true : (false as unknown as true), textVersion: SOFT_PULL_TEXT.version, dateOfBirth: str(f, "dob"), ssnLast4: str(f, "ssn") });
          }}
        >
          <p className="text-sm text-slate-600">A soft check does not affect your score and is not visible to other lenders.</p>
          <Field label="Date of birth" name="dob" type="date" autoComplete="bday" error={pullErr.dateOfBirth} />
          <Field label="Last 4 digits of your SSN" name="ssn" inputMode="numeric" maxLength={4} autoComplete="off" error={pullErr.ssnLast4} hint="Sent to the credit bureau only. We never store it." />
          <div className="rounded-lg border border-slate-200 p-3">
            <label className="flex gap-2 text-sm">
              <input type="checkbox" name="agreed" className="mt-0.5 size-4 shrink-0" aria-describedby="soft-pull-text" aria-invalid={pullErr.agreed ? true : undefined} />
              <span><span className="font-medium">I agree:</span> <span id="soft-pull-text">{SOFT_PULL_TEXT.text}</span></span>
            </label>
            {pullErr.agreed && <p className="mt-1 text-sm text-red-700">{pullErr.agreed}</p>}
          </div>
          {pull.error && !Object.keys(pullErr).length && <FormAlert>{errorMessage(pull.error)}</FormAlert>}
          {pull.data && !pull.data.found && <FormAlert tone="info">The bureau found no credit file for you. You can tell us your band instead.</FormAlert>}
          {pull.data?.found && <FormAlert tone="success">Done: your score is {pull.data.score} ({tierLabel(pull.data.tier)}).</FormAlert>}
          <Button type="submit" pending={pull.isPending} className="w-full">Check my credit</Button>
          <details className="text-xs text-slate-600">
            <summary className="cursor-pointer font-medium">Demo: test identities</summary>
            <p className="mt-1">This demo uses a sandbox credit bureau. Use these last-4 digits with any date of birth:</p>
            <ul className="mt-1 space-y-0.5">
              {SANDBOX_IDENTITIES.map((i) => <li key={i.ssnLast4}><code>{i.ssnLast4}</code>: score {i.score} ({i.label})</li>)}
              <li>any other: no credit file found</li>
            </ul>
          </details>
        </form>
      )}
      <p className="mt-4 text-xs text-slate-600">Want to see who has looked at this? <Link className="font-medium text-brand-700 underline" href="/customer/data/log">Who saw my data</Link></p>
    </Card>
  );
}
