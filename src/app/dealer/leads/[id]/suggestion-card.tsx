import { Button } from "~/components/ui/button";
import { Badge } from "~/components/ui/card";
import { usd } from "~/lib/format";
import { vehicleConditionLabel, type VehicleCondition } from "~/modules/quotes/labels";

export type SuggestedUnit = {
  id: string; vin: string; stockNumber: string | null; condition: VehicleCondition; year: number; make: string; model: string;
  trim: string | null; mileage: number; priceCents: number; exteriorColor: string | null;
};

/** One suggested unit: what it is, why it fits, the estimates, and the two ways to quote it. */
export function SuggestionCard({ unit, reasons, otdCents, monthlyCents, rank, sending, disabled, onSend, onFill }: {
  unit: SuggestedUnit; reasons: string[]; otdCents: number; monthlyCents: number | null; rank: number;
  sending: boolean; disabled: boolean; onSend: () => void; onFill: () => void;
}) {
  const name = `${unit.year} ${unit.make} ${unit.model}${unit.trim ? ` ${unit.trim}` : ""}`;
  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid="suggestion" aria-labelledby={`sugg-${unit.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p id={`sugg-${unit.id}`} className="font-semibold">{rank === 1 && <Badge tone="green">Best fit</Badge>} {name}</p>
          <p className="break-words text-sm text-slate-600">
            {vehicleConditionLabel[unit.condition]} · {unit.mileage.toLocaleString("en-US")} mi{unit.exteriorColor ? ` · ${unit.exteriorColor}` : ""}
            {unit.stockNumber ? ` · Stock #${unit.stockNumber}` : ""} · VIN {unit.vin}
          </p>
        </div>
        {/* Beside the name from tablet width; under it, left-aligned, on a phone. */}
        <div className="w-full sm:w-auto sm:text-right">
          <p className="text-xs uppercase tracking-wide text-slate-600">Out the door (estimate)</p>
          <p className="text-lg font-bold tabular-nums" data-testid="suggestion-otd">{usd(otdCents)}</p>
          {monthlyCents != null && <p className="text-sm text-slate-700 tabular-nums">about {usd(monthlyCents)}/mo</p>}
        </div>
      </div>
      <p className="mt-2 text-sm text-slate-700">List price {usd(unit.priceCents)}, with your quote defaults.</p>
      <h4 className="mt-2 text-sm font-medium text-slate-800">Why it fits</h4>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700" data-testid="suggestion-reasons">
        {reasons.map((r) => <li key={r}>{r}</li>)}
      </ul>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button pending={sending} disabled={disabled} onClick={onSend} aria-describedby={`sugg-${unit.id}`}>Send quote</Button>
        <Button variant="secondary" disabled={disabled} onClick={onFill} aria-describedby={`sugg-${unit.id}`}>Fill the form</Button>
      </div>
    </li>
  );
}
