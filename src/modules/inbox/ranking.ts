import { distance } from "~/lib/format";
import { formatApr, formatCents } from "~/modules/lending/format";
import type { Financing } from "~/modules/inbox/best-financing";
import { formatDuration } from "~/modules/speed/response-stats";

export type RankedQuote = {
  id: string;
  dealerName: string;
  otdCents: number;
  financing: Financing | null;
  distanceMiles: number;
  /** Still acceptable: active, not expired, not waiting for re-confirmation. */
  open: boolean;
  inStock: boolean;
  dealerRating: number | null;
  /** How many ratings the average is over; an average of one rating breaks no tie. */
  dealerRatingCount?: number;
  /** The dealer's recorded deliveries, and how many were at the accepted price or lower. */
  priceHonoured?: { deliveries: number; honoured: number };
  /** Share (0–1) of the dealer's ratings that said the price was as quoted; null below MIN_RATINGS_FOR_TIES. */
  priceAsQuotedShare?: number | null;
  /** The dealer's median time to first quote (its last 90 days), when it has one. */
  dealerSpeed?: { medianSeconds: number } | null;
  /** The quote the buyer accepted sorts above every other. */
  status?: string;
};

/**
 * Everything the customer pays: the out-the-door price plus the cost of credit. A quote without a
 * usable pre-approval counts at its cash price, and the explanation says so.
 */
export const totalCostCents = (q: RankedQuote) => q.otdCents + (q.financing?.financeChargeCents ?? 0);

export const SORT_KEYS = ["totalCost", "monthly", "apr", "distance"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const metric: Record<SortKey, (q: RankedQuote) => number | null> = {
  totalCost: totalCostCents,
  monthly: (q) => q.financing?.monthlyPaymentCents ?? null,
  apr: (q) => q.financing?.aprBps ?? null,
  distance: (q) => q.distanceMiles,
};

/**
 * The accepted quote first, then open quotes; within them by the key (missing figures last), then total
 * cost, then distance. After a deal, the losing quotes sit below the one the buyer chose.
 */
export function sortQuotes<T extends RankedQuote>(quotes: T[], key: SortKey): T[] {
  return [...quotes].sort((a, b) => {
    const aw = a.status === "ACCEPTED";
    if (aw !== (b.status === "ACCEPTED")) return aw ? -1 : 1;
    if (a.open !== b.open) return a.open ? -1 : 1;
    const ma = metric[key](a);
    const mb = metric[key](b);
    if (ma !== mb) {
      if (ma == null) return 1;
      if (mb == null) return -1;
      return ma - mb;
    }
    return totalCostCents(a) - totalCostCents(b) || tieBreak(a, b).order || a.id.localeCompare(b.id);
  });
}

/** Ratings break a tie only from this many up: one buyer's stars are not a track record. */
export const MIN_RATINGS_FOR_TIES = 3;

const honouredOf = (q: RankedQuote) => (q.priceHonoured && q.priceHonoured.deliveries >= MIN_RATINGS_FOR_TIES ? q.priceHonoured.honoured / q.priceHonoured.deliveries : null);
const pctText = (r: number) => `${Math.round(r * 100)}%`;
const ratingOf = (q: RankedQuote) => ((q.dealerRatingCount ?? 0) >= MIN_RATINGS_FOR_TIES ? q.dealerRating : null);
const priceSaidOf = (q: RankedQuote) => ((q.dealerRatingCount ?? 0) >= MIN_RATINGS_FOR_TIES ? (q.priceAsQuotedShare ?? null) : null);
const speedOf = (q: RankedQuote) => q.dealerSpeed?.medianSeconds ?? null;
const ofRatings = (q: RankedQuote) => `${q.dealerRatingCount ?? 0} ratings`;

/**
 * Between two quotes equal on the chosen figure and on total cost: the dealer that more often delivered at
 * the accepted price, then the better-rated dealer, then the dealer more of whose buyers said the price was
 * as quoted (each from MIN_RATINGS_FOR_TIES deliveries or ratings up; differences under 1 point, 0.05 stars
 * or 1 point of share are ties), then the dealer that usually answers faster (median time to first quote),
 * then the closer one. `why` is the clause the inbox shows ("has the better dealer rating (…)").
 */
export function tieBreak(a: RankedQuote, b: RankedQuote): { order: number; why: string } {
  const [ha, hb] = [honouredOf(a), honouredOf(b)];
  if (ha !== hb && (ha == null || hb == null || Math.abs(ha - hb) >= 0.01)) {
    const [win, lose] = hb == null || (ha != null && ha > hb) ? [ha!, hb] : [hb, ha];
    return { order: win === ha ? -1 : 1, why: `more often delivers at the accepted price (${pctText(win)} of deliveries${lose != null ? ` against ${pctText(lose)}` : ""})` };
  }
  const [ra, rb] = [ratingOf(a), ratingOf(b)];
  if (ra !== rb && (ra == null || rb == null || Math.abs(ra - rb) >= 0.05)) {
    const [win, lose, wq, lq] = rb == null || (ra != null && ra > rb) ? [ra!, rb, a, b] : [rb, ra, b, a];
    return { order: wq === a ? -1 : 1, why: `has the better dealer rating (${win.toFixed(1)} ★ from ${ofRatings(wq)}${lose != null ? ` against ${lose.toFixed(1)} ★ from ${ofRatings(lq)}` : ""})` };
  }
  const [pa, pb] = [priceSaidOf(a), priceSaidOf(b)];
  if (pa !== pb && (pa == null || pb == null || Math.abs(pa - pb) >= 0.01)) {
    const [win, lose, wq, lq] = pb == null || (pa != null && pa > pb) ? [pa!, pb, a, b] : [pb, pa, b, a];
    return {
      order: wq === a ? -1 : 1,
      why: `more of its buyers say the price was as quoted (${pctText(win)} of ${ofRatings(wq)}${lose != null ? ` against ${pctText(lose)} of ${ofRatings(lq)}` : ""})`,
    };
  }
  const [sa, sb] = [speedOf(a), speedOf(b)];
  if (sa !== sb) {
    if (sb == null || (sa != null && sa < sb)) return { order: -1, why: `usually answers faster (${formatDuration(sa!)}${sb != null ? ` against ${formatDuration(sb)}` : ""})` };
    return { order: 1, why: `usually answers faster (${formatDuration(sb)}${sa != null ? ` against ${formatDuration(sa)}` : ""})` };
  }
  const d = a.distanceMiles - b.distanceMiles;
  return { order: d, why: d === 0 ? "is listed first" : "is closer" };
}

export type InboxFilters = { maxDistanceMiles?: number | null; financedOnly?: boolean; inStockOnly?: boolean; hideClosed?: boolean };

export function filterQuotes<T extends RankedQuote>(quotes: T[], f: InboxFilters): T[] {
  return quotes.filter(
    (q) =>
      (f.maxDistanceMiles == null || q.distanceMiles <= f.maxDistanceMiles) &&
      (!f.financedOnly || q.financing != null) &&
      (!f.inStockOnly || q.inStock) &&
      (!f.hideClosed || q.open),
  );
}

/** Ends a sentence once, even after a name like "Motor Co." */
const fin = (s: string) => (s.endsWith(".") ? s : `${s}.`);

const miles = distance;

/** One line saying why the first quote of a sorted list is first, compared with the runner-up. */
export function explainTop(sorted: RankedQuote[], key: SortKey): string | null {
  const open = sorted.filter((q) => q.open);
  const top = open[0];
  if (!top) return null;
  const next = open[1];
  const cashNote = top.financing ? "" : " (cash price; no pre-approval yet)";
  if (!next) return fin(`${top.dealerName} is the only open quote${cashNote}`);

  switch (key) {
    case "totalCost": {
      const diff = totalCostCents(next) - totalCostCents(top);
      if (diff === 0) return fin(`${top.dealerName} ties ${next.dealerName} on total cost at ${formatCents(totalCostCents(top))} and ${tieBreak(top, next).why}`);
      return fin(`${top.dealerName} has the lowest total cost: ${formatCents(totalCostCents(top))}, ${formatCents(diff)} less than ${next.dealerName}${cashNote}`);
    }
    case "monthly": {
      if (!top.financing) return fin(`No quote has a pre-approved monthly payment yet; ${top.dealerName} has the lowest total cost`);
      const diff = (next.financing?.monthlyPaymentCents ?? Infinity) - top.financing.monthlyPaymentCents;
      const by = Number.isFinite(diff) ? `, ${formatCents(diff)}/mo less than ${next.dealerName}` : "";
      return fin(`${top.dealerName} has the lowest monthly payment: ${formatCents(top.financing.monthlyPaymentCents)}/mo over ${top.financing.termMonths} months with ${top.financing.lenderName}${by}`);
    }
    case "apr": {
      if (!top.financing) return fin(`No quote has a pre-approved APR yet; ${top.dealerName} has the lowest total cost`);
      // Equal APRs are a tie, not a lead: say what broke it instead of "6.88% (next: 6.88%)".
      if (next.financing?.aprBps === top.financing.aprBps) {
        return fin(`${top.dealerName} ties ${next.dealerName} on APR at ${formatApr(top.financing.aprBps)} and has the lower total cost`);
      }
      return fin(`${top.dealerName} has the lowest APR: ${formatApr(top.financing.aprBps)} from ${top.financing.lenderName}${next.financing ? ` (next: ${formatApr(next.financing.aprBps)})` : ""}`);
    }
    case "distance":
      return fin(`${top.dealerName} is the closest open quote at ${miles(top.distanceMiles)}${next.distanceMiles === top.distanceMiles ? "" : ` (next: ${miles(next.distanceMiles)})`}`);
  }
}
