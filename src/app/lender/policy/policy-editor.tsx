"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, Loading } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { CREDIT_TIERS } from "~/modules/lending/credit-tiers";

const BODY_TYPES = ["SEDAN", "SUV", "TRUCK", "COUPE", "HATCHBACK", "MINIVAN", "WAGON", "CONVERTIBLE", "VAN"] as const;
type BodyType = (typeof BODY_TYPES)[number];
const titleCase = (s: string) => (s === "SUV" ? "SUV" : s.charAt(0) + s.slice(1).toLowerCase());

// The form edits human units (percent, dollars); the API stores basis points and cents.
type Row = { minScore: string; maxScore: string; aprNew: string; aprUsed: string; maxTermMonths: string; maxAmount: string; maxPti: string };
const toRow = (t: { minScore: number; maxScore: number; aprNewBps: number; aprUsedBps: number; maxTermMonths: number; maxAmountCents: number; maxPtiBps: number }): Row => ({
  minScore: String(t.minScore),
  maxScore: String(t.maxScore),
  aprNew: (t.aprNewBps / 100).toFixed(2),
  aprUsed: (t.aprUsedBps / 100).toFixed(2),
  maxTermMonths: String(t.maxTermMonths),
  maxAmount: String(Math.round(t.maxAmountCents / 100)),
  maxPti: (t.maxPtiBps / 100).toFixed(1),
});
const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));
const fromRow = (r: Row) => ({
  minScore: Math.round(num(r.minScore)),
  maxScore: Math.round(num(r.maxScore)),
  aprNewBps: Math.round(num(r.aprNew) * 100),
  aprUsedBps: Math.round(num(r.aprUsed) * 100),
  maxTermMonths: Math.round(num(r.maxTermMonths)),
  maxAmountCents: Math.round(num(r.maxAmount) * 100),
  maxPtiBps: Math.round(num(r.maxPti) * 100),
});

const columns: { key: keyof Row; label: string; field: string; step: string; suffix?: string }[] = [
  { key: "minScore", label: "Min score", field: "minScore", step: "1" },
  { key: "maxScore", label: "Max score", field: "maxScore", step: "1" },
  { key: "aprNew", label: "APR new", field: "aprNewBps", step: "0.01", suffix: "%" },
  { key: "aprUsed", label: "APR used", field: "aprUsedBps", step: "0.01", suffix: "%" },
  { key: "maxTermMonths", label: "Max term", field: "maxTermMonths", step: "1", suffix: "mo" },
  { key: "maxAmount", label: "Max amount", field: "maxAmountCents", step: "100", suffix: "$" },
  { key: "maxPti", label: "Max PTI", field: "maxPtiBps", step: "0.1", suffix: "%" },
];

export function PolicyEditor({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const policy = useQuery(trpc.lending.policy.queryOptions());
  const save = useMutation(trpc.lending.updatePolicy.mutationOptions({ onSuccess: (p) => qc.setQueryData(trpc.lending.policy.queryKey(), p) }));
  const [active, setActive] = useState(true);
  const [allowNew, setAllowNew] = useState(true);
  const [allowUsed, setAllowUsed] = useState(true);
  const [bodyTypes, setBodyTypes] = useState<BodyType[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(save.error);

  useEffect(() => {
    if (!policy.data) return;
    setActive(policy.data.active);
    setAllowNew(policy.data.allowNew);
    setAllowUsed(policy.data.allowUsed);
    setBodyTypes(policy.data.bodyTypes as BodyType[]);
    setRows(policy.data.tiers.map(toRow));
  }, [policy.data]);

  if (policy.isPending) return <Loading />;
  const setCell = (i: number, key: keyof Row, v: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  const addRow = () => {
    const used = rows.map((r) => num(r.minScore));
    const next = CREDIT_TIERS.find((t) => !used.includes(t.minScore)) ?? CREDIT_TIERS.at(-1)!;
    setRows((rs) => [...rs, toRow({ ...next, maxTermMonths: 72, maxAmountCents: 5_000_000, maxPtiBps: 1500 })]);
  };

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate({ active, allowNew, allowUsed, bodyTypes, tiers: rows.map(fromRow) }, { onSuccess: () => setSaved(true) });
      }}
    >
      {!canEdit && <FormAlert tone="info">Only an owner can change the policy. You can read it here.</FormAlert>}
      {saved && <FormAlert tone="success">Policy saved. New pre-approval requests are decided with it from now on.</FormAlert>}
      {save.error && <FormAlert>{errorMessage(save.error)}</FormAlert>}

      <Card>
        <fieldset disabled={!canEdit} className="space-y-5">
          <legend className="sr-only">Scope</legend>
          <label className="flex items-start gap-3">
            <input type="checkbox" className="mt-1 size-4 accent-brand-600" checked={active} onChange={(e) => setActive(e.target.checked)} />
            <span>
              <span className="font-semibold text-ink">Decide automatically</span>
              <span className="block text-sm text-slate-600">{active ? "Active: matching requests are decided at once with the table below." : "Paused: requests wait for your API or webhook integration."}</span>
            </span>
          </label>
          <div>
            <p className="text-sm font-medium text-slate-800">Vehicles</p>
            <div className="mt-2 flex flex-wrap gap-4">
              <label className="flex items-center gap-2 text-sm"><input type="checkbox" className="size-4 accent-brand-600" checked={allowNew} onChange={(e) => setAllowNew(e.target.checked)} /> New</label>
              <label className="flex items-center gap-2 text-sm"><input type="checkbox" className="size-4 accent-brand-600" checked={allowUsed} onChange={(e) => setAllowUsed(e.target.checked)} /> Used</label>
            </div>
            {errors.allowNew && <p className="mt-1 text-sm text-red-700">{errors.allowNew}</p>}
          </div>
          <div>
            <p className="text-sm font-medium text-slate-800" id="body-types">Eligible body types</p>
            <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5" role="group" aria-labelledby="body-types">
              {BODY_TYPES.map((b) => (
                <label key={b} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 accent-brand-600"
                    checked={bodyTypes.includes(b)}
                    onChange={(e) => setBodyTypes((bs) => (e.target.checked ? [...bs, b] : bs.filter((x) => x !== b)))}
                  />
                  {titleCase(b)}
                </label>
              ))}
            </div>
            {errors.bodyTypes && <p className="mt-1 text-sm text-red-700">{errors.bodyTypes}</p>}
          </div>
        </fieldset>
      </Card>

      <Card>
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 className="text-lg font-semibold">Score tiers</h2>
            <p className="text-sm text-slate-600">A buyer whose score falls in a tier gets its APR and limits. PTI is the monthly payment as a share of monthly income.</p>
          </div>
          {canEdit && <Button type="button" variant="secondary" onClick={addRow} disabled={rows.length >= 10}>Add tier</Button>}
        </div>
        {errors.tiers && <p className="mt-2 text-sm text-red-700">{errors.tiers}</p>}
        <div className="mt-4 space-y-3">
          {rows.length === 0 && <p className="text-sm text-slate-600">No tiers: nothing is decided automatically.</p>}
          {rows.map((r, i) => (
            <fieldset key={i} disabled={!canEdit} className="rounded-lg border border-slate-200 p-3" data-testid="policy-tier">
              <legend className="px-1 text-sm font-semibold text-ink">Tier {i + 1}</legend>
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8 lg:items-end">
                {columns.map((c) => {
                  const err = errors[`tiers.${i}.${c.field}`] ?? errors[`tiers.${i}.${c.key}`];
                  const id = `tier-${i}-${c.key}`;
                  return (
                    <div key={c.key}>
                      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
                        {c.label}
                        {c.suffix ? ` (${c.suffix})` : ""}
                      </label>
                      <input
                        id={id}
                        type="number"
                        inputMode="decimal"
                        step={c.step}
                        value={r[c.key]}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? `${id}-err` : undefined}
                        onChange={(e) => setCell(i, c.key, e.target.value)}
                        className={`mt-1 block w-full rounded-lg border bg-white px-2 py-1.5 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500 ${err ? "border-red-500" : "border-slate-300"}`}
                      />
                      {err && <p id={`${id}-err`} className="mt-1 text-xs text-red-700">{err}</p>}
                    </div>
                  );
                })}
                {canEdit && (
                  <Button type="button" variant="ghost" aria-label={`Remove tier ${i + 1}`} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                    Remove
                  </Button>
                )}
              </div>
            </fieldset>
          ))}
        </div>
      </Card>
      {canEdit && (
        <div className="flex justify-end">
          <Button type="submit" pending={save.isPending}>Save policy</Button>
        </div>
      )}
    </form>
  );
}
