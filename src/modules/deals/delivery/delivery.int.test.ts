import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerAs, makeAdmin, makeCustomer } from "../../../../test/factories";
import { failure } from "../../../../test/marketplace";
import { acceptedDeal } from "../../../../test/ratings-world";

type Lines = { vehiclePriceCents: number; feesCents: number; addOnsCents: number; incentivesCents: number; taxCents: number; tradeInOfferCents: number };
const delivered = (dealId: string, lines: Lines, over: Partial<Lines> & { deliveredOn?: Date } = {}) => ({
  dealId, deliveredOn: new Date(), financingUsed: "CASH" as const, grossProfitCents: 150_000, ...lines, ...over,
});

describe("delivery", () => {
  it("at the accepted lines: confirmed at once, and the price counts as honoured", async () => {
    const w = await acceptedDeal();
    const r = await w.seller.delivery.record(delivered(w.dealId, w.lines));
    expect(r).toMatchObject({ outcome: "CONFIRMED", finalOtdCents: w.otdCents, priceHonoured: true, changes: [] });
    expect(await db.dealer.findUniqueOrThrow({ where: { id: w.dealer.id }, select: { deliveriesCount: true, honouredCount: true } })).toEqual({ deliveriesCount: 1, honouredCount: 1 });
    // Once only.
    expect((await failure(w.seller.delivery.record(delivered(w.dealId, w.lines)))).code).toBe("CONFLICT");
    expect((await failure(w.me.delivery.answer({ dealId: w.dealId, answer: "CONFIRM" }))).code).toBe("CONFLICT");
  });

  it("at a higher price: the buyer sees each changed line and disputes it; the admin sees the dispute", async () => {
    const w = await acceptedDeal();
    const final = { ...w.lines, addOnsCents: w.lines.addOnsCents + 99_500, feesCents: w.lines.feesCents + 20_000 };
    const r = await w.seller.delivery.record(delivered(w.dealId, final));
    expect(r.outcome).toBe("AWAITING_BUYER");
    expect(r.priceHonoured).toBe(false);
    expect(r.finalOtdCents).toBe(w.otdCents + 119_500);

    const view = (await w.me.delivery.forRequest({ requestId: w.requestId }))!;
    expect(view.changes.map((c) => [c.label, c.deltaCents])).toEqual([["Dealer fees", 20_000], ["Add-ons", 99_500]]);
    expect(view).not.toHaveProperty("grossProfitCents");

    expect((await failure(w.me.delivery.answer({ dealId: w.dealId, answer: "DISPUTE", reason: "short" }))).code).toBe("BAD_REQUEST");
    expect((await db.deal.findUniqueOrThrow({ where: { id: w.dealId }, select: { outcome: true } })).outcome).toBe("AWAITING_BUYER");
    await w.me.delivery.answer({ dealId: w.dealId, answer: "DISPUTE", reason: "I never agreed to the paint protection add-on." });

    const admin = await callerAs((await makeAdmin()).id);
    const disputes = await admin.delivery.disputes();
    const mine = disputes.find((d) => d.id === w.dealId)!;
    expect(mine).toMatchObject({ acceptedOtdCents: w.otdCents, finalOtdCents: w.otdCents + 119_500, reason: "I never agreed to the paint protection add-on." });
    expect(mine.changes).toHaveLength(2);
    expect(await db.dealer.findUniqueOrThrow({ where: { id: w.dealer.id }, select: { deliveriesCount: true, honouredCount: true } })).toEqual({ deliveriesCount: 1, honouredCount: 0 });
    // The dealer was told.
    expect(await db.notification.count({ where: { userId: w.dealer.ownerId, kind: "deal.disputed" } })).toBe(1);
  });

  it("a lower price is honoured but still asks the buyer, who confirms", async () => {
    const w = await acceptedDeal();
    const r = await w.seller.delivery.record(delivered(w.dealId, { ...w.lines, incentivesCents: w.lines.incentivesCents + 50_000 }));
    expect(r).toMatchObject({ outcome: "AWAITING_BUYER", priceHonoured: true });
    expect(await w.me.delivery.answer({ dealId: w.dealId, answer: "CONFIRM" })).toEqual({ outcome: "CONFIRMED" });
  });

  it("not delivered: closed with the reason the buyer sees", async () => {
    const w = await acceptedDeal();
    await w.seller.delivery.notDelivered({ dealId: w.dealId, reason: "The buyer's financing fell through." });
    expect(await w.me.delivery.forRequest({ requestId: w.requestId })).toMatchObject({ outcome: "NOT_DELIVERED", notDeliveredReason: "The buyer's financing fell through.", final: null });
    expect((await failure(w.seller.delivery.record(delivered(w.dealId, w.lines)))).code).toBe("CONFLICT");
  });

  it("another dealer or buyer gets the same NOT_FOUND as for a missing id, and bad input changes nothing", async () => {
    const w = await acceptedDeal();
    const other = await acceptedDeal();
    const missing = await failure(w.seller.delivery.record(delivered("missing-deal-id", w.lines)));
    const foreign = await failure(other.seller.delivery.record(delivered(w.dealId, w.lines)));
    expect(foreign).toEqual(missing);
    expect(missing.code).toBe("NOT_FOUND");
    expect(await failure(other.seller.delivery.forLead({ leadId: w.leadId }))).toEqual(await failure(other.seller.delivery.forLead({ leadId: "missing-lead" })));
    expect(await failure(other.me.delivery.answer({ dealId: w.dealId, answer: "CONFIRM" }))).toEqual(await failure(other.me.delivery.answer({ dealId: "missing-deal", answer: "CONFIRM" })));
    expect(await other.me.delivery.forRequest({ requestId: w.requestId })).toBeNull();

    const bad = await failure(w.seller.delivery.record(delivered(w.dealId, w.lines, { deliveredOn: new Date(Date.now() + 5 * 86_400_000), feesCents: -1 })));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fields).toMatchObject({ feesCents: "Cannot be negative." });
    expect((await db.deal.findUniqueOrThrow({ where: { id: w.dealId }, select: { outcome: true } })).outcome).toBeNull();
  });
});
