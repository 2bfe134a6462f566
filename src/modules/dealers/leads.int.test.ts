import { describe, expect, it } from "vitest";
import { callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { makeLead, makeRequest } from "../../../test/marketplace-factories";

describe("a dealer's lead list", () => {
  it("pages newest first by cursor, fifty at a time, with no lead twice or missing", async () => {
    const dealer = await makeDealer();
    const buyer = await makeCustomer();
    const made: string[] = [];
    for (let i = 0; i < 55; i++) {
      const r = await makeRequest(buyer.id);
      made.push((await makeLead(r.id, dealer.id, { createdAt: new Date(Date.now() - (55 - i) * 60_000) })).id);
    }
    const caller = await callerAs(dealer.ownerId);
    const first = await caller.dealer.leads({ status: "ALL" });
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    expect(first.counts.NEW).toBe(55);
    // As the page's infinite list asks for the next one.
    const second = await caller.dealer.leads({ status: "ALL", cursor: first.nextCursor!, direction: "forward" });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((l) => l.id)).toEqual([...made].reverse());
  });
});
