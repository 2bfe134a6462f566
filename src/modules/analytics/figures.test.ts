import { describe, expect, it } from "vitest";
import {
  customerBase, funnel, isDelivered, lifecycleStage, lifetimeValue, returnByWeek, speedByWeek, weekStart, weekStarts,
  type AnalyticsDeal, type AnalyticsLead,
} from "./figures";

// Wednesday 2026-12-09 12:00 UTC: the current week starts Monday 2026-12-07.
const now = new Date("2026-12-09T12:00:00Z");
const at = (iso: string) => new Date(iso);
const plus = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

let n = 0;
function lead(over: Partial<AnalyticsLead> = {}): AnalyticsLead {
  n++;
  return { id: `l${n}`, buyerAlias: `Buyer ${n}`, createdAt: at("2026-12-07T10:00:00Z"), viewedAt: null, firstResponseAt: null, firstQuoteAt: null, status: "NEW", preApproved: false, deal: null, ...over };
}
function deal(over: Partial<AnalyticsDeal> = {}): AnalyticsDeal {
  n++;
  return { id: `d${n}`, leadId: `l${n}`, buyerAlias: `Buyer ${n}`, customerId: "c1", createdAt: at("2026-12-08T10:00:00Z"), otdCents: 3_000_000, outcome: null, deliveredOn: null, finalOtdCents: null, grossProfitCents: null, ...over };
}

describe("weeks", () => {
  it("start on Monday 00:00 UTC, twelve of them, oldest first", () => {
    expect(weekStart(now).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(weekStart(at("2026-12-13T23:59:59Z")).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    const s = weekStarts(now);
    expect(s).toHaveLength(12);
    expect(s[0]!.toISOString()).toBe("2026-09-21T00:00:00.000Z");
    expect(s[11]!.toISOString()).toBe("2026-12-07T00:00:00.000Z");
  });
});

describe("speedByWeek", () => {
  it("median, p90 and the 5-minute share over all counted leads, by arrival week", () => {
    const t = at("2026-12-07T10:00:00Z");
    const rows = [
      lead({ createdAt: t, firstResponseAt: plus(t, 60) }),
      lead({ createdAt: t, firstResponseAt: plus(t, 240) }),
      lead({ createdAt: t, firstResponseAt: plus(t, 900) }),
      lead({ createdAt: t }), // never answered: counts against the share
      lead({ createdAt: plus(now, -60) }), // 1 minute old, unanswered: still has time, not counted
      lead({ createdAt: at("2026-11-30T09:00:00Z"), firstResponseAt: at("2026-11-30T09:10:00Z") }),
      lead({ createdAt: at("2026-01-01T00:00:00Z"), firstResponseAt: at("2026-01-01T00:01:00Z") }), // outside the window
    ];
    const weeks = speedByWeek(rows, now);
    const cur = weeks[11]!;
    expect(cur).toMatchObject({ leads: 4, responded: 3, medianSeconds: 240, p90Seconds: 900, within5mBps: 5000 });
    expect(cur.drill.total).toBe(4);
    expect(weeks[10]).toMatchObject({ leads: 1, responded: 1, medianSeconds: 600, within5mBps: 0 });
    expect(weeks[0]).toMatchObject({ leads: 0, medianSeconds: null, within5mBps: null });
  });
});

describe("funnel", () => {
  it("counts each stage, win rate = accepted ÷ quoted, pass rate = passed ÷ leads", () => {
    const v = at("2026-12-07T10:05:00Z");
    const rows = [
      lead(),
      lead({ viewedAt: v, status: "PASSED" }),
      lead({ viewedAt: v, firstQuoteAt: v, status: "QUOTED" }),
      lead({ viewedAt: v, firstQuoteAt: v, preApproved: true, status: "CLOSED" }),
      lead({ viewedAt: v, firstQuoteAt: v, preApproved: true, status: "WON", deal: { outcome: null, deliveredOn: null } }),
      lead({ viewedAt: v, firstQuoteAt: v, status: "WON", deal: { outcome: "CONFIRMED", deliveredOn: at("2026-12-08") } }),
    ];
    const f = funnel(rows);
    expect(f.stages.map((s) => [s.key, s.count])).toEqual([["leads", 6], ["opened", 5], ["quoted", 4], ["preApproved", 2], ["accepted", 2], ["delivered", 1]]);
    expect(f.winRateBps).toBe(5000);
    expect(f.passRateBps).toBe(1667);
    expect(f.stages[5]!.drill.leads).toEqual([{ id: rows[5]!.id, alias: rows[5]!.buyerAlias }]);
  });
  it("has no rates without leads", () => {
    expect(funnel([])).toMatchObject({ winRateBps: null, passRateBps: null });
  });
});

describe("isDelivered", () => {
  it("needs a delivery date and an outcome other than not delivered", () => {
    expect(isDelivered({ outcome: "AWAITING_BUYER", deliveredOn: at("2026-12-01") })).toBe(true);
    expect(isDelivered({ outcome: "DISPUTED", deliveredOn: at("2026-12-01") })).toBe(true);
    expect(isDelivered({ outcome: "NOT_DELIVERED", deliveredOn: null })).toBe(false);
    expect(isDelivered({ outcome: null, deliveredOn: null })).toBe(false);
  });
});

describe("returnByWeek", () => {
  it("revenue and gross profit of delivered deals against accepted deals × price", () => {
    const leads = [lead(), lead(), lead(), lead()];
    const deals = [
      deal({ outcome: "CONFIRMED", deliveredOn: at("2026-12-08"), finalOtdCents: 3_100_000, grossProfitCents: 250_000 }),
      deal({ outcome: "DISPUTED", deliveredOn: at("2026-12-08"), finalOtdCents: 2_000_000 }), // no gross profit recorded: 0
      deal(), // accepted, not yet delivered: costs, earns nothing yet
    ];
    const { weeks, total } = returnByWeek(leads, deals, 30_000, now);
    expect(weeks[11]).toMatchObject({ leads: 4, accepted: 3, delivered: 2, revenueCents: 5_100_000, grossProfitCents: 250_000, costCents: 90_000, netCents: 160_000, roiBps: 17_778, netPerLeadCents: 40_000 });
    expect(total).toMatchObject({ leads: 4, accepted: 3, revenueCents: 5_100_000 });
    expect(weeks[11]!.drill.total).toBe(3);
  });
  it("has no ROI while the leads cost nothing", () => {
    expect(returnByWeek([lead()], [deal()], 0, now).total.roiBps).toBeNull();
  });
});

describe("lifecycle and lifetime value", () => {
  it("stages", () => {
    expect(lifecycleStage({ deals: 0, revoked: false, boughtElsewhereLater: false })).toBe("lead");
    expect(lifecycleStage({ deals: 1, revoked: false, boughtElsewhereLater: false })).toBe("customer");
    expect(lifecycleStage({ deals: 2, revoked: false, boughtElsewhereLater: false })).toBe("repeat");
    expect(lifecycleStage({ deals: 2, revoked: true, boughtElsewhereLater: false })).toBe("former");
    expect(lifecycleStage({ deals: 1, revoked: false, boughtElsewhereLater: true })).toBe("former");
  });
  it("repeat rate and average deal, then so far + repeat rate × average deal", () => {
    const deals = [
      deal({ customerId: "a", outcome: "CONFIRMED", deliveredOn: at("2026-12-01"), finalOtdCents: 4_000_000 }),
      deal({ customerId: "a", otdCents: 2_000_000 }),
      deal({ customerId: "b", otdCents: 3_000_000 }),
      deal({ customerId: "c", outcome: "NOT_DELIVERED" }), // not counted: c is no customer yet
    ];
    const base = customerBase(deals);
    expect(base).toEqual({ customers: 2, repeatCustomers: 1, repeatRateBps: 5000, averageDealCents: 3_000_000 });
    expect(lifetimeValue({ soFarCents: 6_000_000, former: false }, base)).toEqual({ soFarCents: 6_000_000, projectedCents: 1_500_000, totalCents: 7_500_000 });
    expect(lifetimeValue({ soFarCents: 3_000_000, former: true }, base)).toEqual({ soFarCents: 3_000_000, projectedCents: 0, totalCents: 3_000_000 });
  });
});
