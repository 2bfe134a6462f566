import { distance } from "~/lib/format";
import { formatDuration } from "~/modules/speed/response-stats";
import { formatApr, formatCents } from "~/modules/lending/format";

export { formatApr, formatCents };

// Headline figures use the same money format as the details, so one amount never reads two ways.
export const dollars = formatCents;

export const miles = distance;

export function replyTime(minutes: number | null) {
  if (minutes == null) return "—";
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}

export const shortDate = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric" });

export const rating = (avg: number | null, count: number) => (avg == null ? "No ratings yet" : `${avg.toFixed(1)} ★ (${count})`);

/** "Usually answers in 4 min (median of 37 quoted leads)", or "—" for a dealer with no record yet. */
export function usualSpeed(speed: { medianSeconds: number; leads: number } | null) {
  if (!speed) return "—";
  return `${formatDuration(speed.medianSeconds)} (median of ${speed.leads} quoted lead${speed.leads === 1 ? "" : "s"})`;
}

/** "9 of 10 deliveries", or "No deliveries yet". */
export const honoured = (p: { deliveries: number; honoured: number }) => (p.deliveries === 0 ? "No deliveries yet" : `${p.honoured} of ${p.deliveries} deliveries`);
