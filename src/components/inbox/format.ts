import { formatApr, formatCents } from "~/modules/lending/amortization";

export { formatApr, formatCents };

/** Whole dollars for headline figures ("$31,250"); cents stay in the details. */
export const dollars = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

export const miles = (m: number) => `${m < 10 ? m.toFixed(1) : Math.round(m)} mi`;

export function replyTime(minutes: number | null) {
  if (minutes == null) return "—";
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}

export const shortDate = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric" });

export const rating = (avg: number | null, count: number) => (avg == null ? "No ratings yet" : `${avg.toFixed(1)} ★ (${count})`);
