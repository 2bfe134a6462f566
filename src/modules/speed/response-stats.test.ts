import { describe, expect, it } from "vitest";
import { formatDuration, percentile, responseStats } from "./response-stats";

const now = new Date("2026-12-07T12:00:00Z");
const lead = (minutesAgo: number, answeredAfterSec: number | null) => {
  const createdAt = new Date(now.getTime() - minutesAgo * 60_000);
  return { createdAt, firstQuoteAt: answeredAfterSec == null ? null : new Date(createdAt.getTime() + answeredAfterSec * 1000) };
};

describe("responseStats", () => {
  it("computes median and p90 over quoted leads and the 5-minute share over all leads", () => {
    const rows = [lead(600, 60), lead(600, 120), lead(600, 240), lead(600, 3600), lead(600, 7200), lead(600, null)];
    const s = responseStats(rows, now);
    expect(s).toEqual({ leads: 6, quoted: 5, medianSeconds: 240, p90Seconds: 7200, within5mBps: 5000 });
  });

  it("leaves out a lead still inside its first 5 minutes, but counts one answered already", () => {
    const s = responseStats([lead(2, null), lead(2, 30), lead(60, null)], now);
    expect(s.leads).toBe(2);
    expect(s.within5mBps).toBe(5000);
  });

  it("says nothing when there is nothing to say", () => {
    expect(responseStats([], now)).toEqual({ leads: 0, quoted: 0, medianSeconds: null, p90Seconds: null, within5mBps: null });
  });

  it("uses nearest-rank percentiles", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([5], 0.5)).toBe(5);
  });

  it("says durations as people do", () => {
    expect(formatDuration(20)).toBe("under a minute");
    expect(formatDuration(4 * 60 + 10)).toBe("4 min");
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe("2 h 5 min");
    expect(formatDuration(5 * 86_400)).toBe("5 days");
  });
});
