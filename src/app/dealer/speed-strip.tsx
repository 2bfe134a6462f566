import { formatDuration, type ResponseStats } from "~/modules/speed/response-stats";

const share = (bps: number | null) => (bps == null ? "—" : `${Math.round(bps / 100)}%`);

/** The dealer's speed to quote, server-rendered above the board: three figures and what they mean. */
export function SpeedStrip({ stats }: { stats: ResponseStats & { windowDays: number } }) {
  const figures = [
    { label: "Median time to first quote", value: stats.medianSeconds == null ? "—" : formatDuration(stats.medianSeconds), id: "speed-median" },
    { label: "90th percentile", value: stats.p90Seconds == null ? "—" : formatDuration(stats.p90Seconds), id: "speed-p90" },
    { label: "Answered within 5 minutes", value: share(stats.within5mBps), id: "speed-5m" },
  ];
  return (
    <section aria-labelledby="speed-heading" className="mb-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="speed-heading" className="text-sm font-semibold text-ink">Your speed to quote</h2>
      <p className="mt-1 text-xs text-slate-600">
        Your last {stats.windowDays} days: {stats.leads} lead{stats.leads === 1 ? "" : "s"}, {stats.quoted} quoted. Buyers see your median on every quote you send. The
        5-minute share counts every lead you received, so a lead never answered counts against it.
      </p>
      <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-3">
        {figures.map((f) => (
          <div key={f.id} className="rounded-lg bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-600">{f.label}</dt>
            <dd className="text-lg font-semibold text-ink" data-testid={f.id}>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
