"use client";

import { lazy, Suspense } from "react";
import type { ChartSeries } from "./chart";

// uPlot is loaded only by the analytics page, after its first paint (React's lazy, as the inbox does:
// next/dynamic's loader machinery alone weighs ~1.5 KB gzipped).
const Chart = lazy(() => import("./chart"));

/** A chart with its legend in HTML (readable, and it wraps on a phone), the canvas loaded lazily. */
export function LazyChart(props: { labels: string[]; series: ChartSeries[]; yLabel: string; format: "count" | "minutes" | "dollars" }) {
  return (
    <div>
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {props.series.map((s) => (
          <li key={s.label} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <Suspense fallback={<div role="status" className="h-[220px] animate-pulse rounded-lg bg-slate-100"><span className="sr-only">Loading the chart…</span></div>}>
        <Chart {...props} />
      </Suspense>
    </div>
  );
}
