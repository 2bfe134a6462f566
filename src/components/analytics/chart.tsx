"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";

export type ChartSeries = { label: string; values: (number | null)[]; color: string; kind: "line" | "bars" };

/**
 * One uPlot chart over categories (weeks or funnel stages), sized to its container. The canvas is
 * decoration for sighted readers: the same figures are in the table under every chart, which is what
 * screen readers and the drill-downs use, so the canvas is hidden from assistive technology.
 */
export default function Chart({ labels, series, yLabel, format }: { labels: string[]; series: ChartSeries[]; yLabel: string; format: "count" | "minutes" | "dollars" }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const fmt = (v: number) => (format === "dollars" ? `$${Math.round(v).toLocaleString("en-US")}` : format === "minutes" ? `${Math.round(v * 10) / 10}` : `${Math.round(v)}`);
    // Bars for counts by stage (one bar series per chart); lines for figures by week.
    const bars = uPlot.paths.bars!({ size: [0.6, 80] });
    const opts: uPlot.Options = {
      width: el.clientWidth,
      height: 220,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, min, max) => [Math.min(0, min * 1.1), max > 0 ? max * 1.1 : 1] } },
      axes: [
        {
          // On a phone twelve week labels would overlap: every step-th is shown, step from the width.
          values: (u, splits) => {
            const step = Math.max(1, Math.ceil((labels.length * 56) / Math.max(1, u.bbox.width / devicePixelRatio)));
            return splits.map((i) => (Number.isInteger(i) && i % step === 0 ? labels[i] ?? "" : ""));
          }, splits: () => labels.map((_, i) => i), stroke: "#475569", grid: { show: false } },
        { label: yLabel, values: (_u, splits) => splits.map(fmt), stroke: "#475569", size: 60, grid: { stroke: "#e2e8f0" } },
      ],
      series: [
        {},
        ...series.map((s) => {
          if (s.kind === "line") return { label: s.label, stroke: s.color, width: 2, points: { show: true, size: 6, fill: s.color }, spanGaps: false };
          return { label: s.label, fill: s.color, stroke: s.color, paths: bars, points: { show: false } };
        }),
      ],
    };
    const data: uPlot.AlignedData = [labels.map((_, i) => i), ...series.map((s) => s.values)];
    const plot = new uPlot(opts, data, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 220 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [labels, series, yLabel, format]);
  return <div ref={box} aria-hidden className="w-full min-w-0" />;
}
