// How money and rates read on screen. Apart from amortization.ts so that a page showing figures does not
// send the browser the payment arithmetic too.
import { usd } from "~/lib/format";

/** The one money format (see usd): "$38,556" or "$38,556.40". */
export function formatCents(cents: number): string {
  return usd(cents);
}

/** "6.87%" for display. */
export function formatApr(bps: number): string {
  return `${(bps / 100).toFixed(2)}%`;
}
