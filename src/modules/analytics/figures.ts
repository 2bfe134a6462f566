// The dealer analytics figures, as pure functions of the dealer's own rows: no I/O, so each rule is
// unit-tested and the page's "how it is computed" text can be checked against the code line by line.
import { percentile, FIVE_MINUTES } from "~/modules/speed/response-stats";

export const WEEKS = 12;
/** How many leads a drill-down lists under a figure; the count beside it is always the full one. */
export const DRILL_LIMIT = 25;
const WEEK_MS = 7 * 86_400_000;

export type LeadStatusValue = "NEW" | "VIEWED" | "QUOTED" | "PASSED" | "CLOSED" | "WON";
export type DealOutcomeValue = "AWAITING_BUYER" | "CONFIRMED" | "DISPUTED" | "NOT_DELIVERED";

export type AnalyticsLead = {
  id: string;
  buyerAlias: string;
  createdAt: Date;
  viewedAt: Date | null;
  firstResponseAt: Date | null;
  firstQuoteAt: Date | null;
  status: LeadStatusValue;
  /** Any APPROVED or CONDITIONAL pre-approval on any of this lead's quotes. */
  preApproved: boolean;
  /** The deal made on this lead, if the buyer accepted this dealer's quote. */
  deal: { outcome: DealOutcomeValue | null; deliveredOn: Date | null } | null;
};

export type AnalyticsDeal = {
  id: string;
  leadId: string;
  buyerAlias: string;
  customerId: string;
  createdAt: Date;
  otdCents: number;
  outcome: DealOutcomeValue | null;
  deliveredOn: Date | null;
  finalOtdCents: number | null;
  grossProfitCents: number | null;
};

export type DrillLead = { id: string; alias: string };
export type Drill = { total: number; leads: DrillLead[] };

function drill(rows: { id: string; buyerAlias: string }[]): Drill {
  return { total: rows.length, leads: rows.slice(0, DRILL_LIMIT).map((r) => ({ id: r.id, alias: r.buyerAlias })) };
}

/** Monday 00:00 UTC of the week holding `d`. */
export function weekStart(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000);
}

/** The starts of the last `n` weeks, oldest first; the last is the current (partial) week. */
export function weekStarts(now: Date, n = WEEKS): Date[] {
  const current = weekStart(now).getTime();
  return Array.from({ length: n }, (_, i) => new Date(current - (n - 1 - i) * WEEK_MS));
}

function weekIndex(starts: Date[], d: Date): number {
  const i = Math.floor((d.getTime() - starts[0]!.getTime()) / WEEK_MS);
  return i >= 0 && i < starts.length ? i : -1;
}

/** Delivered: the dealer recorded a delivery date, and the outcome is not "not delivered". */
export function isDelivered(d: { outcome: DealOutcomeValue | null; deliveredOn: Date | null }): boolean {
  return d.deliveredOn !== null && (d.outcome === "CONFIRMED" || d.outcome === "DISPUTED" || d.outcome === "AWAITING_BUYER");
}

export type SpeedWeek = {
  weekStart: Date;
  /** Leads counted: all leads of the week except those under 5 minutes old and still unanswered. */
  leads: number;
  responded: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  within5mBps: number | null;
  drill: Drill;
};

/**
 * Time to first response (Lead.firstResponseAt − Lead.createdAt: a quote, a message or a pass,
 * whichever came first), by the week the lead arrived. Median and 90th percentile (nearest rank) over responded leads;
 * the 5-minute share over all counted leads, so a lead never answered counts against it.
 */
export function speedByWeek(leads: AnalyticsLead[], now: Date, starts = weekStarts(now)): SpeedWeek[] {
  const buckets = starts.map(() => [] as AnalyticsLead[]);
  for (const l of leads) {
    const i = weekIndex(starts, l.createdAt);
    if (i >= 0 && (l.firstResponseAt || now.getTime() - l.createdAt.getTime() >= FIVE_MINUTES * 1000)) buckets[i]!.push(l);
  }
  return buckets.map((rows, i) => {
    const responded = rows.filter((r) => r.firstResponseAt);
    const secs = responded
      .map((r) => Math.max(0, Math.round((r.firstResponseAt!.getTime() - r.createdAt.getTime()) / 1000)))
      .sort((a, b) => a - b);
    const fast = secs.filter((s) => s <= FIVE_MINUTES).length;
    return {
      weekStart: starts[i]!,
      leads: rows.length,
      responded: secs.length,
      medianSeconds: percentile(secs, 0.5),
      p90Seconds: percentile(secs, 0.9),
      within5mBps: rows.length ? Math.round((fast * 10_000) / rows.length) : null,
      drill: drill(rows),
    };
  });
}

export const FUNNEL_STAGES = [
  { key: "leads", label: "Leads" },
  { key: "opened", label: "Opened" },
  { key: "quoted", label: "Quoted" },
  { key: "preApproved", label: "Pre-approved" },
  { key: "accepted", label: "Accepted" },
  { key: "delivered", label: "Delivered" },
] as const;
export type FunnelKey = (typeof FUNNEL_STAGES)[number]["key"];

const reached: Record<FunnelKey, (l: AnalyticsLead) => boolean> = {
  leads: () => true,
  opened: (l) => l.viewedAt !== null,
  quoted: (l) => l.firstQuoteAt !== null,
  preApproved: (l) => l.preApproved,
  accepted: (l) => l.status === "WON",
  delivered: (l) => l.status === "WON" && l.deal !== null && isDelivered(l.deal),
};

export type Funnel = {
  stages: { key: FunnelKey; label: string; count: number; drill: Drill }[];
  /** Accepted ÷ quoted, in basis points; null with no quoted lead. */
  winRateBps: number | null;
  /** Passed ÷ leads, in basis points; null with no lead. */
  passRateBps: number | null;
  passed: Drill;
};

/** Each stage counts the leads that reached it, whatever happened after. */
export function funnel(leads: AnalyticsLead[]): Funnel {
  const stages = FUNNEL_STAGES.map((s) => {
    const rows = leads.filter(reached[s.key]);
    return { key: s.key, label: s.label, count: rows.length, drill: drill(rows) };
  });
  const count = (k: FunnelKey) => stages.find((s) => s.key === k)!.count;
  const passed = leads.filter((l) => l.status === "PASSED");
  return {
    stages,
    winRateBps: count("quoted") ? Math.round((count("accepted") * 10_000) / count("quoted")) : null,
    passRateBps: leads.length ? Math.round((passed.length * 10_000) / leads.length) : null,
    passed: drill(passed),
  };
}

export type ReturnRow = {
  weekStart: Date | null;
  leads: number;
  accepted: number;
  delivered: number;
  revenueCents: number;
  grossProfitCents: number;
  costCents: number;
  /** Gross profit − cost. */
  netCents: number;
  /** Net ÷ cost, in basis points; null while the leads cost nothing. */
  roiBps: number | null;
  /** Net ÷ leads received, in cents; null with no lead. */
  netPerLeadCents: number | null;
  drill: Drill;
};

/**
 * Return on leads by the week each deal was accepted: revenue is the final out-the-door total of delivered
 * deals, gross profit what the dealer recorded on them (none recorded counts as 0), cost is the accepted
 * deals times the dealer's price per accepted deal. The last row is the whole 12 weeks.
 */
export function returnByWeek(leads: AnalyticsLead[], deals: AnalyticsDeal[], pricePerDealCents: number, now: Date, starts = weekStarts(now)) {
  const leadCount = starts.map(() => 0);
  for (const l of leads) {
    const i = weekIndex(starts, l.createdAt);
    if (i >= 0) leadCount[i]!++;
  }
  const dealRows = starts.map(() => [] as AnalyticsDeal[]);
  for (const d of deals) {
    const i = weekIndex(starts, d.createdAt);
    if (i >= 0) dealRows[i]!.push(d);
  }
  const row = (weekStart: Date | null, leadsN: number, ds: AnalyticsDeal[]): ReturnRow => {
    const delivered = ds.filter(isDelivered);
    const revenueCents = delivered.reduce((s, d) => s + (d.finalOtdCents ?? 0), 0);
    const grossProfitCents = delivered.reduce((s, d) => s + (d.grossProfitCents ?? 0), 0);
    const costCents = ds.length * pricePerDealCents;
    const netCents = grossProfitCents - costCents;
    return {
      weekStart,
      leads: leadsN,
      accepted: ds.length,
      delivered: delivered.length,
      revenueCents,
      grossProfitCents,
      costCents,
      netCents,
      roiBps: costCents > 0 ? Math.round((netCents * 10_000) / costCents) : null,
      netPerLeadCents: leadsN > 0 ? Math.round(netCents / leadsN) : null,
      drill: drill(ds.map((d) => ({ id: d.leadId, buyerAlias: d.buyerAlias }))),
    };
  };
  const weeks = starts.map((s, i) => row(s, leadCount[i]!, dealRows[i]!));
  const total = row(null, leadCount.reduce((a, b) => a + b, 0), dealRows.flat());
  return { weeks, total };
}

export type Stage = "lead" | "customer" | "repeat" | "former";

/** Former wins over everything: the buyer took back the dealer's key, or bought elsewhere afterwards. */
export function lifecycleStage(c: { deals: number; revoked: boolean; boughtElsewhereLater: boolean }): Stage {
  if (c.deals > 0 && (c.revoked || c.boughtElsewhereLater)) return "former";
  if (c.deals >= 2) return "repeat";
  if (c.deals === 1) return "customer";
  return "lead";
}

/** What a deal is worth so far: the final total once delivered, the accepted total until then, 0 if not delivered. */
export function dealValueCents(d: AnalyticsDeal): number {
  if (d.outcome === "NOT_DELIVERED") return 0;
  return isDelivered(d) ? (d.finalOtdCents ?? d.otdCents) : d.otdCents;
}

/**
 * Lifetime value = the customer's deals so far + a projection of one more deal, weighted by how often this
 * dealer's customers come back: repeat rate (won customers with 2+ deals ÷ won customers) × average deal
 * (value of all counted deals ÷ their number). A former customer is projected at 0.
 */
export function lifetimeValue(c: { soFarCents: number; former: boolean }, base: { repeatRateBps: number; averageDealCents: number }) {
  const projectedCents = c.former ? 0 : Math.round((base.repeatRateBps * base.averageDealCents) / 10_000);
  return { soFarCents: c.soFarCents, projectedCents, totalCents: c.soFarCents + projectedCents };
}

/** Repeat rate and average deal over this dealer's won customers (deals not delivered are left out). */
export function customerBase(deals: AnalyticsDeal[]) {
  const counted = deals.filter((d) => d.outcome !== "NOT_DELIVERED");
  const perCustomer = new Map<string, number>();
  for (const d of counted) perCustomer.set(d.customerId, (perCustomer.get(d.customerId) ?? 0) + 1);
  const customers = perCustomer.size;
  const repeat = [...perCustomer.values()].filter((n) => n >= 2).length;
  const total = counted.reduce((s, d) => s + dealValueCents(d), 0);
  return {
    customers,
    repeatCustomers: repeat,
    repeatRateBps: customers ? Math.round((repeat * 10_000) / customers) : 0,
    averageDealCents: counted.length ? Math.round(total / counted.length) : 0,
  };
}
