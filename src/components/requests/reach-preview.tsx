"use client";

// This form validates with the server's schemas: the human error map comes with them (only where zod ships).
import "~/lib/zod";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { reachTermsInput, type ReachTerms } from "~/modules/requests/schemas";
import { useTRPC } from "~/trpc/react";

// Long enough that typing a ZIP asks once, not five times.
const DEBOUNCE_MS = 400;

/** Parses what the form holds now; null while it is not yet enough to count (no body type, short ZIP). */
export function reachTermsFrom(values: Record<string, unknown>): ReachTerms | null {
  // Only the matching terms: the schema is strict, and the form holds more (model, trade-in, …).
  const keys = Object.keys(reachTermsInput.shape) as (keyof ReachTerms)[];
  const parsed = reachTermsInput.safeParse(Object.fromEntries(keys.map((k) => [k, values[k]])));
  return parsed.success ? parsed.data : null;
}

/** "This would reach N dealers", live as the buyer edits the ZIP, radius, body type or budget. */
export function ReachPreview({ terms }: { terms: ReachTerms | null }) {
  const trpc = useTRPC();
  const key = terms ? JSON.stringify(terms) : null;
  const [settled, setSettled] = useState<ReachTerms | null>(terms);
  useEffect(() => {
    const t = setTimeout(() => setSettled(key ? (JSON.parse(key) as ReachTerms) : null), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [key]);
  const reach = useQuery({ ...trpc.requests.reach.queryOptions(settled!), enabled: settled != null, placeholderData: keepPreviousData });
  const waiting = key !== (settled ? JSON.stringify(settled) : null) || reach.isFetching;

  let text: string;
  let tone = "border-slate-200 bg-slate-50 text-slate-700";
  if (!terms) text = "Choose a body type and enter a 5-digit ZIP to see how many dealers your request would reach.";
  else if (!reach.data) text = "Counting dealers…";
  else if (!reach.data.found) text = "We could not find that ZIP code.";
  else if (reach.data.dealers === 0) {
    text = `No dealer sells that within ${reach.data.radiusMiles} miles of ${reach.data.place} — widen the radius.`;
    tone = "border-amber-300 bg-amber-50 text-amber-900";
  } else {
    const n = reach.data.dealers;
    text = `This would reach ${n} dealer${n === 1 ? "" : "s"} within ${reach.data.radiusMiles} miles of ${reach.data.place}${reach.data.budgetCounted ? "" : " (before your budget is counted)"}.`;
    tone = "border-green-300 bg-green-50 text-green-900";
  }
  return (
    <p role="status" aria-live="polite" aria-busy={waiting} data-testid="reach-preview" className={`mt-4 rounded-lg border px-3 py-2 text-sm ${tone}`}>
      {text}
      {waiting && reach.data && <span className="ml-1 text-slate-600">Updating…</span>}
    </p>
  );
}
