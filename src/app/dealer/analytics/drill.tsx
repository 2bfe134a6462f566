import Link from "next/link";
import type { Drill } from "~/modules/analytics/figures";

/** The leads behind a figure: a disclosure listing them (the first 25), each linked to its lead page. */
export function DrillDown({ drill, label }: { drill: Drill; label: string }) {
  if (drill.total === 0) return <span className="text-slate-500">no leads</span>;
  return (
    <details className="group">
      <summary className="cursor-pointer text-brand-700 underline-offset-2 hover:underline">
        {drill.total} lead{drill.total === 1 ? "" : "s"}<span className="sr-only"> behind {label}</span>
      </summary>
      <ul className="mt-1 flex max-w-xs flex-wrap gap-x-3 gap-y-1">
        {drill.leads.map((l) => (
          <li key={l.id}>
            <Link href={`/dealer/leads/${l.id}`} className="text-brand-700 underline underline-offset-2">{l.alias}</Link>
          </li>
        ))}
      </ul>
      {drill.total > drill.leads.length && <p className="mt-1 text-xs text-slate-600">The first {drill.leads.length} of {drill.total} are listed.</p>}
    </details>
  );
}
