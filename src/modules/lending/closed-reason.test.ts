import { describe, expect, it } from "vitest";
import { closedReason, type ClosedFacts } from "./closed-reason";

const base: ClosedFacts = { status: "CANCELLED", quoteVersion: 1, quote: { status: "ACTIVE", version: 1 }, request: { status: "OPEN" } };

describe("why a pre-approval can no longer be decided", () => {
  it("says the buyer chose another dealer, not that the request was cancelled", () => {
    expect(closedReason({ ...base, quote: { status: "DECLINED", version: 1 }, request: { status: "ACCEPTED" } })).toBe("The buyer accepted another dealer's quote; there is nothing to decide.");
    expect(closedReason({ ...base, quote: { status: "ACCEPTED", version: 1 }, request: { status: "ACCEPTED" } })).toMatch(/accepted this quote with other financing/);
  });

  it("names each other cause", () => {
    expect(closedReason({ ...base, request: { status: "CANCELLED" } })).toMatch(/^The buyer cancelled the request/);
    expect(closedReason({ ...base, quote: { status: "WITHDRAWN", version: 1 } })).toMatch(/^The dealer withdrew this quote/);
    expect(closedReason({ ...base, quote: { status: "ACTIVE", version: 2 } })).toMatch(/^The dealer revised this quote/);
    expect(closedReason({ ...base, status: "EXPIRED" })).toBe("The request expired before a decision.");
  });
});
