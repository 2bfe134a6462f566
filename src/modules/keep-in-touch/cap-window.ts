import type { KeepInTouchPeriod } from "~/generated/prisma/enums";

// Calendar windows in UTC (the database's time; the form says "calendar month, UTC"), not rolling ones:
// "one a month" means one in December and one in January, which is what a buyer reading the grant expects.

/** The start of the calendar week (Monday 00:00 UTC), month or quarter that holds `now`. Pure. */
export function capWindowStart(period: KeepInTouchPeriod, now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  if (period === "MONTH") return new Date(Date.UTC(y, m, 1));
  if (period === "QUARTER") return new Date(Date.UTC(y, m - (m % 3), 1));
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(y, m, now.getUTCDate() - daysSinceMonday));
}

/** The start of the next window: when a capped dealer may write again. Pure. */
export function nextWindowStart(period: KeepInTouchPeriod, now: Date): Date {
  const start = capWindowStart(period, now);
  if (period === "WEEK") return new Date(start.getTime() + 7 * 86_400_000);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + (period === "MONTH" ? 1 : 3), 1));
}
