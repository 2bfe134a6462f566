import { describe, expect, it } from "vitest";
import { inboxQuery, readInboxParams } from "./inbox-params";

describe("inbox state in the URL", () => {
  it("round-trips sort, view and filters", () => {
    const s = readInboxParams(new URLSearchParams("sort=apr&view=table&within=25&financed=1&hideClosed=1"));
    expect(s).toEqual({ sort: "apr", view: "table", filters: { maxDistanceMiles: 25, financedOnly: true, hideClosed: true } });
    expect(readInboxParams(new URLSearchParams(inboxQuery(s).slice(1)))).toEqual(s);
  });

  it("falls back to defaults for unknown values and keeps a plain URL for them", () => {
    const s = readInboxParams(new URLSearchParams("sort=cheapest&view=grid&within=7"));
    expect(s).toEqual({ sort: "totalCost", view: "cards", filters: { maxDistanceMiles: null } });
    expect(inboxQuery(s)).toBe("");
  });
});
