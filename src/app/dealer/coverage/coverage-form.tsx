"use client";

// This form validates with the server's schemas: the human error map comes with them (only where zod ships).
import "~/lib/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, Loading } from "~/components/ui/card";
import { Field, FormAlert } from "~/components/ui/field";
import { centsToDollars, dollarsToCents, intOrUndefined, issuesToFields } from "~/lib/format";
import { coverageInput } from "~/modules/dealers/schemas";
import { BODY_TYPES, bodyTypeLabel, MAKES } from "~/modules/requests/labels";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { useFocusFirstError } from "~/components/ui/use-focus-first-error";

export function CoverageForm({ isOwner }: { isOwner: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const coverage = useQuery(trpc.dealer.coverage.queryOptions());
  const save = useMutation(trpc.dealer.updateCoverage.mutationOptions({ onSuccess: (d) => qc.setQueryData(trpc.dealer.coverage.queryKey(), d) }));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const errors = { ...fieldErrors(save.error), ...clientErrors };
  // Every hook before the early returns: the loading render and the form render must call the same hooks.
  const formRef = useFocusFirstError(errors);
  if (coverage.isPending) return <Loading label="Loading coverage…" />;
  if (coverage.isError) return <FormAlert>{errorMessage(coverage.error)}</FormAlert>;
  const c = coverage.data;
  const makes = [...new Set([...MAKES, ...c.makes])].sort();

  return (
    <form ref={formRef}
      noValidate
      aria-label="Coverage"
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const f = new FormData(e.currentTarget);
        const parsed = coverageInput.safeParse({
          zip: String(f.get("zip") ?? "").trim(),
          serviceRadiusMiles: intOrUndefined(f.get("serviceRadiusMiles")),
          makes: f.getAll("makes").map(String),
          bodyTypes: f.getAll("bodyTypes").map(String),
          sellsNew: f.get("sellsNew") === "on",
          sellsUsed: f.get("sellsUsed") === "on",
          minPriceCents: dollarsToCents(f.get("minPriceCents")),
          maxPriceCents: dollarsToCents(f.get("maxPriceCents")),
          dailyLeadCap: intOrUndefined(f.get("dailyLeadCap")),
        });
        if (!parsed.success) return setClientErrors(issuesToFields(parsed.error.issues));
        setClientErrors({});
        save.mutate(parsed.data, { onSuccess: () => setSaved(true) });
      }}
    >
      {!isOwner && <FormAlert tone="info">Only an owner of the dealership can change coverage.</FormAlert>}
      {saved && <FormAlert tone="success">Saved. New requests are matched with these settings.</FormAlert>}
      {save.error && !Object.keys(fieldErrors(save.error)).length && <FormAlert>{errorMessage(save.error)}</FormAlert>}
      <fieldset disabled={!isOwner} className="space-y-6">
        <Card>
          <h2 className="text-lg font-semibold">Where</h2>
          <p className="mt-1 text-sm text-slate-600">Now: {c.city}, {c.state} {c.zip}. You get a buyer only when you are inside their radius and they are inside yours.</p>
          <div className="mt-4 grid gap-4 sm:grid-cols-3">
            <Field label="Dealership ZIP code" name="zip" inputMode="numeric" maxLength={5} defaultValue={c.zip} error={errors.zip} />
            <Field label="Service radius (miles)" name="serviceRadiusMiles" inputMode="numeric" defaultValue={c.serviceRadiusMiles} error={errors.serviceRadiusMiles} />
            <Field label="Daily lead cap" name="dailyLeadCap" inputMode="numeric" defaultValue={c.dailyLeadCap} error={errors.dailyLeadCap} hint="Most new leads you receive per day (UTC)." />
          </div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">What you sell</h2>
          <Chips legend="Makes" name="makes" options={makes.map((m) => [m, m])} selected={c.makes} error={errors.makes} />
          <Chips legend="Body types" name="bodyTypes" options={BODY_TYPES.map((b) => [b, bodyTypeLabel[b]])} selected={c.bodyTypes} error={errors.bodyTypes} />
          <fieldset className="mt-4">
            <legend className="text-sm font-medium text-slate-800">Condition</legend>
            <div className="mt-2 flex gap-6 text-sm">
              <label className="flex items-center gap-2"><input type="checkbox" name="sellsNew" defaultChecked={c.sellsNew} className="size-4" /> New</label>
              <label className="flex items-center gap-2"><input type="checkbox" name="sellsUsed" defaultChecked={c.sellsUsed} className="size-4" /> Used</label>
            </div>
            {errors.sellsUsed && <p className="mt-1 text-sm text-red-700">{errors.sellsUsed}</p>}
          </fieldset>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <Field label="Lowest price you sell ($)" name="minPriceCents" inputMode="decimal" defaultValue={centsToDollars(c.minPriceCents)} error={errors.minPriceCents} />
            <Field label="Highest price you sell ($)" name="maxPriceCents" inputMode="decimal" defaultValue={centsToDollars(c.maxPriceCents)} error={errors.maxPriceCents} />
          </div>
        </Card>
        <div className="flex justify-end">
          <Button type="submit" pending={save.isPending}>Save coverage</Button>
        </div>
      </fieldset>
    </form>
  );
}

function Chips({ legend, name, options, selected, error }: { legend: string; name: string; options: [string, string][]; selected: string[]; error?: string }) {
  return (
    <fieldset className="mt-4">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {options.map(([value, label]) => (
          <label key={value} className="cursor-pointer rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-700 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:font-semibold has-[:checked]:text-brand-700 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
            <input type="checkbox" name={name} value={value} defaultChecked={selected.includes(value)} className="sr-only" />
            {label}
          </label>
        ))}
      </div>
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
