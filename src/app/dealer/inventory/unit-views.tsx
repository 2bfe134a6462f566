"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "~/components/ui/card";
import { Button } from "~/components/ui/button";
import { usd } from "~/lib/format";
import { parseMoneyInput } from "~/modules/money/parse-money";
import { bodyTypeLabel } from "~/modules/requests/labels";
import { vehicleConditionLabel } from "~/modules/quotes/labels";
import { errorMessage } from "~/trpc/errors";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";

export type Unit = inferRouterOutputs<AppRouter>["inventory"]["list"]["items"][number];

const statusTone = { AVAILABLE: "green", PENDING: "amber", SOLD: "gray" } as const;
const statusWord = { AVAILABLE: "Available", PENDING: "Pending", SOLD: "Sold" } as const;
const title = (u: Unit) => `${u.year} ${u.make} ${u.model}${u.trim ? ` ${u.trim}` : ""}`;

function useUnitActions(unit: Unit) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.inventory.list.pathKey() });
  const price = useMutation(trpc.inventory.updatePrice.mutationOptions({ onSuccess: refresh }));
  const sold = useMutation(trpc.inventory.markSold.mutationOptions({ onSuccess: refresh }));
  const available = useMutation(trpc.inventory.markAvailable.mutationOptions({ onSuccess: refresh }));
  return { price, sold, available, unit };
}

/** The price, with an inline editor. Dollars typed are parsed to exact cents (never rounded) before sending. */
function PriceEdit({ unit, actions }: { unit: Unit; actions: ReturnType<typeof useUnitActions> }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const label = `New price for ${title(unit)}`;
  if (!editing)
    return (
      <span className="inline-flex items-center gap-2">
        <span className="font-semibold tabular-nums">{usd(unit.priceCents)}</span>
        <Button variant="ghost" className="px-2 py-1" aria-label={`Edit price of ${title(unit)}`} onClick={() => { setValue(String(unit.priceCents / 100)); setProblem(null); setEditing(true); }}>Edit</Button>
      </span>
    );
  const save = () => {
    const r = parseMoneyInput(value);
    if (!r.ok || r.cents === undefined) return setProblem(r.ok ? "Enter the price." : r.message);
    actions.price.mutate({ unitId: unit.id, priceCents: r.cents }, { onSuccess: () => setEditing(false), onError: (e) => setProblem(errorMessage(e)) });
  };
  return (
    <form className="flex flex-wrap items-center gap-2" onSubmit={(e) => { e.preventDefault(); save(); }}>
      <input aria-label={label} inputMode="decimal" className="w-28 rounded-lg border border-slate-300 px-2 py-1 text-sm" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
      <Button type="submit" className="px-3 py-1" pending={actions.price.isPending}>Save</Button>
      <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => setEditing(false)}>Cancel</Button>
      {problem && <p role="alert" className="w-full text-sm text-red-700">{problem}</p>}
    </form>
  );
}

// The vehicle's name is spoken after the visible words (axe: a control's name starts with what it shows).
function StatusAction({ actions }: { actions: ReturnType<typeof useUnitActions> }) {
  const { unit } = actions;
  if (unit.status === "SOLD")
    return <Button variant="secondary" className="px-3 py-1" pending={actions.available.isPending} onClick={() => actions.available.mutate({ unitId: unit.id })}>Mark available<span className="sr-only">: {title(unit)}</span></Button>;
  return <Button variant="secondary" className="px-3 py-1" pending={actions.sold.isPending} onClick={() => actions.sold.mutate({ unitId: unit.id })}>Mark sold<span className="sr-only">: {title(unit)}</span></Button>;
}

function Row({ unit }: { unit: Unit }) {
  const actions = useUnitActions(unit);
  return (
    <tr className="border-t border-slate-200 align-top">
      <td className="px-3 py-2"><p className="font-medium text-ink">{title(unit)}</p><p className="text-xs text-slate-600">{vehicleConditionLabel[unit.condition]}{unit.bodyType ? ` · ${bodyTypeLabel[unit.bodyType]}` : ""}</p></td>
      <td className="px-3 py-2 font-mono text-xs">{unit.vin}<br /><span className="text-slate-600">{unit.stockNumber ?? "—"}</span></td>
      <td className="px-3 py-2 tabular-nums">{unit.mileage.toLocaleString("en-US")} mi</td>
      <td className="px-3 py-2"><PriceEdit unit={unit} actions={actions} /></td>
      <td className="px-3 py-2"><Badge tone={statusTone[unit.status]}>{statusWord[unit.status]}</Badge></td>
      <td className="px-3 py-2 text-right"><StatusAction actions={actions} /></td>
    </tr>
  );
}

export function UnitTable({ units }: { units: Unit[] }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr><th className="px-3 py-2">Vehicle</th><th className="px-3 py-2">VIN / stock</th><th className="px-3 py-2">Mileage</th><th className="px-3 py-2">Price</th><th className="px-3 py-2">Status</th><th className="px-3 py-2"><span className="sr-only">Actions</span></th></tr>
        </thead>
        <tbody>{units.map((u) => <Row key={u.id} unit={u} />)}</tbody>
      </table>
    </div>
  );
}

export function UnitCard({ unit }: { unit: Unit }) {
  const actions = useUnitActions(unit);
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4" aria-label={title(unit)}>
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 font-semibold text-ink">{title(unit)}</h2>
        <Badge tone={statusTone[unit.status]}>{statusWord[unit.status]}</Badge>
      </div>
      <p className="mt-1 break-all font-mono text-xs text-slate-600">{unit.vin}{unit.stockNumber ? ` · #${unit.stockNumber}` : ""}</p>
      <p className="text-sm text-slate-600">{vehicleConditionLabel[unit.condition]} · {unit.mileage.toLocaleString("en-US")} mi</p>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <PriceEdit unit={unit} actions={actions} />
        <StatusAction actions={actions} />
      </div>
    </article>
  );
}
