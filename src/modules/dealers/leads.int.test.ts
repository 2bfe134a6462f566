import { describe, expect, it } from "vitest";
import { callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { makeLead, makeQuote, makeRequest } from "../../../test/marketplace-factories";

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

  it("pages won leads newest first by cursor, with the body-type filter, and leaves out closed leads that were not won", async () => {
    const dealer = await makeDealer();
    const buyer = await makeCustomer();
    const won: string[] = [];
    for (let i = 0; i < 53; i++) {
      const r = await makeRequest(buyer.id, { bodyType: i % 2 ? "SUV" : "SEDAN" });
      const lead = await makeLead(r.id, dealer.id, { status: "WON", createdAt: new Date(Date.now() - (60 - i) * 60_000) });
      await makeQuote(r.id, dealer.id, { leadId: lead.id, status: "ACCEPTED" });
      won.push(lead.id);
    }
    const lost = await makeRequest(buyer.id);
    const lostLead = await makeLead(lost.id, dealer.id, { status: "CLOSED" });
    await makeQuote(lost.id, dealer.id, { leadId: lostLead.id, status: "DECLINED" });
    const caller = await callerAs(dealer.ownerId);
    const first = await caller.dealer.leads({ status: "WON" });
    expect(first.items).toHaveLength(50);
    expect(first.items.every((l) => l.status === "WON")).toBe(true);
    expect(first.counts).toMatchObject({ WON: 53, CLOSED: 1 });
    const second = await caller.dealer.leads({ status: "WON", cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((l) => l.id)).toEqual([...won].reverse());
    const suvs = await caller.dealer.leads({ status: "WON", bodyType: "SUV" });
    expect(suvs.items.map((l) => l.id)).toEqual(won.filter((_, i) => i % 2).reverse());
    // The status counts follow the body-type filter: they count what each button would show.
    expect(suvs.counts).toEqual({ WON: 26, CLOSED: 1 });
    expect((await caller.dealer.leads({ status: "ALL", bodyType: "SEDAN" })).counts).toEqual({ WON: 27 });
    // Another dealer's cursor, or its won leads, give nothing away.
    const rival = await callerAs((await makeDealer()).ownerId);
    expect((await rival.dealer.leads({ status: "WON" })).items).toEqual([]);
    expect((await rival.dealer.leads({ status: "WON", cursor: first.nextCursor! })).items).toEqual([]);
  });
});
