import { usd } from "~/lib/format";

export type LineChangeView = { line: string; label: string; acceptedCents: number; finalCents: number; deltaCents: number };

/** The lines that moved between the accepted quote and the delivery, accepted beside final. */
export function DeliveryChanges({ changes, acceptedOtdCents, finalOtdCents }: { changes: LineChangeView[]; acceptedOtdCents: number; finalOtdCents: number | null }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="delivery-changes">
        <caption className="sr-only">Lines that changed since the accepted quote</caption>
        <thead>
          <tr className="text-left text-xs text-slate-600">
            <th scope="col" className="py-1 pr-2 font-medium">Line</th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">Accepted</th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">Final</th>
            <th scope="col" className="py-1 text-right font-medium">Change</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.line} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-800">{c.label}</th>
              <td className="py-1 pr-2 text-right tabular-nums">{usd(c.acceptedCents)}</td>
              <td className="py-1 pr-2 text-right tabular-nums">{usd(c.finalCents)}</td>
              <td className={`py-1 text-right tabular-nums ${c.deltaCents > 0 === (c.line !== "incentivesCents" && c.line !== "tradeInOfferCents") ? "text-red-700" : "text-emerald-700"}`}>
                {c.deltaCents > 0 ? "+" : "−"}{usd(Math.abs(c.deltaCents))}
              </td>
            </tr>
          ))}
          <tr className="border-t border-slate-300 font-semibold">
            <th scope="row" className="py-1 pr-2 text-left">Out the door</th>
            <td className="py-1 pr-2 text-right tabular-nums">{usd(acceptedOtdCents)}</td>
            <td className="py-1 pr-2 text-right tabular-nums" data-testid="final-otd">{usd(finalOtdCents)}</td>
            <td className="py-1 text-right tabular-nums">{finalOtdCents != null && finalOtdCents !== acceptedOtdCents ? `${finalOtdCents > acceptedOtdCents ? "+" : "−"}${usd(Math.abs(finalOtdCents - acceptedOtdCents))}` : "—"}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
