import { describe, expect, it } from "vitest";
import { isReply, refusal, REPLY_WINDOW_DAYS, type GrantState } from "./rules";

const now = new Date("2026-12-07T12:00:00Z");
const grant: GrantState = { topics: ["SERVICE"], capCount: 1, capPeriod: "MONTH", endsAt: new Date("2027-06-01T00:00:00Z"), revokedAt: null };
const base = { grant, topic: "SERVICE" as const, usedInWindow: 0, now, buyer: "Buyer 7" };

describe("keep-in-touch rules", () => {
  it("an answer within the reply window needs no grant; one a moment later does", () => {
    expect(isReply(new Date(now.getTime() - REPLY_WINDOW_DAYS * 86_400_000), now)).toBe(true);
    expect(isReply(new Date(now.getTime() - REPLY_WINDOW_DAYS * 86_400_000 - 1), now)).toBe(false);
    expect(isReply(null, now)).toBe(false);
  });
  it("allows a message on a granted topic under the cap", () => {
    expect(refusal(base)).toBeNull();
  });
  it("refuses with no grant, a revoked one, an ended one, no topic, another topic, or over the cap", () => {
    expect(refusal({ ...base, grant: null })).toMatch(/has not given you a keep-in-touch grant/);
    expect(refusal({ ...base, grant: { ...grant, revokedAt: new Date("2026-12-01T00:00:00Z") } })).toMatch(/revoked .* on Dec 1, 2026/);
    expect(refusal({ ...base, grant: { ...grant, endsAt: new Date("2026-12-07T00:00:00Z") } })).toMatch(/ended on Dec 6, 2026/);
    expect(refusal({ ...base, topic: undefined })).toMatch(/Choose what this message is about/);
    expect(refusal({ ...base, topic: "TRADE_IN_OFFERS" })).toMatch(/does not cover trade-in offers; it covers service only/);
    expect(refusal({ ...base, usedInWindow: 1 })).toMatch(/sent 1 of the 1 message Buyer 7 allows per calendar month\. The next can go from Jan 1, 2027/);
  });
});
