import { describe, expect, it } from "vitest";
import { capWindowStart, nextWindowStart } from "./cap-window";

const d = (s: string) => new Date(s);

describe("cap windows (calendar, UTC)", () => {
  it("month: the first of the month, from its first to its last millisecond", () => {
    expect(capWindowStart("MONTH", d("2026-12-01T00:00:00.000Z"))).toEqual(d("2026-12-01T00:00:00.000Z"));
    expect(capWindowStart("MONTH", d("2026-12-31T23:59:59.999Z"))).toEqual(d("2026-12-01T00:00:00.000Z"));
    expect(capWindowStart("MONTH", d("2027-01-01T00:00:00.000Z"))).toEqual(d("2027-01-01T00:00:00.000Z"));
    expect(nextWindowStart("MONTH", d("2026-12-31T23:59:59.999Z"))).toEqual(d("2027-01-01T00:00:00.000Z"));
    // February in a leap year ends on the 29th.
    expect(capWindowStart("MONTH", d("2028-02-29T12:00:00Z"))).toEqual(d("2028-02-01T00:00:00Z"));
    expect(nextWindowStart("MONTH", d("2028-02-29T12:00:00Z"))).toEqual(d("2028-03-01T00:00:00Z"));
  });

  it("week: Monday 00:00 UTC; Sunday night still belongs to the week before", () => {
    // 2026-12-07 is a Monday.
    expect(capWindowStart("WEEK", d("2026-12-07T00:00:00Z"))).toEqual(d("2026-12-07T00:00:00Z"));
    expect(capWindowStart("WEEK", d("2026-12-13T23:59:59.999Z"))).toEqual(d("2026-12-07T00:00:00Z"));
    expect(capWindowStart("WEEK", d("2026-12-14T00:00:00Z"))).toEqual(d("2026-12-14T00:00:00Z"));
    // A week that spans two years.
    expect(capWindowStart("WEEK", d("2027-01-02T10:00:00Z"))).toEqual(d("2026-12-28T00:00:00Z"));
    expect(nextWindowStart("WEEK", d("2027-01-02T10:00:00Z"))).toEqual(d("2027-01-04T00:00:00Z"));
  });

  it("quarter: January, April, July, October", () => {
    expect(capWindowStart("QUARTER", d("2026-03-31T23:59:59.999Z"))).toEqual(d("2026-01-01T00:00:00Z"));
    expect(capWindowStart("QUARTER", d("2026-04-01T00:00:00Z"))).toEqual(d("2026-04-01T00:00:00Z"));
    expect(capWindowStart("QUARTER", d("2026-12-15T00:00:00Z"))).toEqual(d("2026-10-01T00:00:00Z"));
    expect(nextWindowStart("QUARTER", d("2026-12-15T00:00:00Z"))).toEqual(d("2027-01-01T00:00:00Z"));
    expect(nextWindowStart("QUARTER", d("2026-08-15T00:00:00Z"))).toEqual(d("2026-10-01T00:00:00Z"));
  });
});
