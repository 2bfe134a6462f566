import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { jobsById } from "~/server/jobs/registry";
import { makeDealer } from "../../../test/factories";
import { LEAD_DAYS_KEPT, pruneLeadDays, pruneLeadDaysJob } from "./lead-days";

const daysAgo = (n: number) => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - n);
  return d;
};

describe("daily lead counters", () => {
  it("are pruned past the days kept, by a recurring job the worker knows", async () => {
    const dealer = await makeDealer();
    for (const n of [0, LEAD_DAYS_KEPT, LEAD_DAYS_KEPT + 1, 30]) await db.dealerLeadDay.create({ data: { dealerId: dealer.id, day: daysAgo(n), count: 3 } });
    expect(await pruneLeadDays()).toBeGreaterThanOrEqual(2);
    const left = await db.dealerLeadDay.findMany({ where: { dealerId: dealer.id }, select: { day: true }, orderBy: { day: "desc" } });
    expect(left.map((r) => r.day.toISOString())).toEqual([daysAgo(0).toISOString(), daysAgo(LEAD_DAYS_KEPT).toISOString()]);
    expect(jobsById().get(pruneLeadDaysJob.id)?.everyMs).toBe(86_400_000);
  });
});
