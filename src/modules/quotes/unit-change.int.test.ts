import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { UNIT_CHANGED } from "~/modules/deals/accept-quote";
import { SOLD_SAME_CAR } from "~/modules/quotes/revise-quote";
import { callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { makeRequest, makeLead } from "../../../test/marketplace-factories";
import { failure, quoteInput, VALID_VIN } from "../../../test/marketplace";

/** A buyer's request, a dealer's stock unit, and a live quote made from that unit. */
async function quotedUnit() {
  const buyer = await makeCustomer();
  const dealer = await makeDealer();
  const request = await makeRequest(buyer.id, { condition: "NEW" });
  const lead = await makeLead(request.id, dealer.id);
  const unit = await db.inventoryUnit.create({
    data: { dealerId: dealer.id, vin: VALID_VIN, condition: "NEW", year: 2025, make: "Toyota", model: "RAV4", trim: "XLE", bodyType: "SUV", mileage: 12, priceCents: 3_450_000, features: [] },
    select: { id: true },
  });
  const shop = await callerAs(dealer.ownerId);
  const q = await shop.dealer.submitQuote(quoteInput(lead.id));
  // The link a quote drafted from stock carries (createQuoteInTx writes it there).
  await db.quote.update({ where: { id: q.id }, data: { inventoryUnitId: unit.id } });
  return { buyer, dealer, request, lead, unit, quote: q, shop, me: await callerAs(buyer.id) };
}

const flagOf = (quoteId: string) => db.quote.findUniqueOrThrow({ where: { id: quoteId }, select: { unitChange: true, unitChangedAt: true, inventoryUnitId: true, status: true, version: true } });
const { leadId: _leadId, ...sameFields } = quoteInput("unused");

describe("quotes on stock units stay honest", () => {
  it("marking the unit sold flags its live quote, tells both sides, and accept is refused", async () => {
    const { unit, quote, shop, me, request, buyer, dealer } = await quotedUnit();
    await shop.inventory.markSold({ unitId: unit.id });
    expect(await flagOf(quote.id)).toMatchObject({ unitChange: "SOLD", unitChangedAt: expect.any(Date), status: "ACTIVE" });

    const inbox = await me.inbox.get({ requestId: request.id });
    expect(inbox.quotes[0]).toMatchObject({ id: quote.id, open: false, unitChanged: true });
    expect(await failure(me.inbox.accept({ quoteId: quote.id, version: quote.version }))).toMatchObject({ code: "CONFLICT", message: UNIT_CHANGED });
    expect(await db.deal.count({ where: { requestId: request.id } })).toBe(0);
    expect(await db.request.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } })).toEqual({ status: "OPEN" });

    expect(await db.notification.count({ where: { userId: buyer.id, kind: "quote.unit-changed" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: dealer.ownerId, kind: "quote.unit-changed" } })).toBe(1);
  });

  it("a sold car cannot be re-confirmed with its own VIN; another car unlinks the unit, clears the flag and can be accepted", async () => {
    const { unit, quote, shop, me } = await quotedUnit();
    await shop.inventory.markSold({ unitId: unit.id });
    expect(await failure(shop.dealer.reviseQuote({ ...sameFields, quoteId: quote.id, version: 1 }))).toMatchObject({ code: "CONFLICT", message: SOLD_SAME_CAR });
    expect(await flagOf(quote.id)).toMatchObject({ unitChange: "SOLD", version: 1, inventoryUnitId: unit.id });

    const other = await shop.dealer.reviseQuote({ ...sameFields, vin: "11111111111111111", quoteId: quote.id, version: 1 });
    expect(await flagOf(quote.id)).toMatchObject({ unitChange: null, unitChangedAt: null, inventoryUnitId: null, version: 2 });
    expect(await me.inbox.accept({ quoteId: quote.id, version: other.version })).toMatchObject({ quoteId: quote.id, quoteVersion: 2 });
  });

  it("a price change flags the quote; a revision at the new price clears it and keeps the unit", async () => {
    const { unit, quote, shop, me, request, lead: l } = await quotedUnit();
    await shop.inventory.updatePrice({ unitId: unit.id, priceCents: 3_300_000 });
    expect(await flagOf(quote.id)).toMatchObject({ unitChange: "PRICE_CHANGED" });
    // The dealer's lead page reads the unit's new price to prefill the re-confirmation.
    const lead = await shop.dealer.lead({ leadId: l.id });
    expect(lead.quotes[0]).toMatchObject({ unitChange: "PRICE_CHANGED", inventoryUnit: { priceCents: 3_300_000, status: "AVAILABLE" } });
    expect(await failure(me.inbox.accept({ quoteId: quote.id, version: 1 }))).toMatchObject({ code: "CONFLICT", message: UNIT_CHANGED });

    // Setting the same price again changes nothing, so it flags nothing either.
    const revised = await shop.dealer.reviseQuote({ ...sameFields, vehiclePriceCents: 3_300_000, quoteId: quote.id, version: 1 });
    expect(await flagOf(quote.id)).toMatchObject({ unitChange: null, inventoryUnitId: unit.id, version: 2 });
    await shop.inventory.updatePrice({ unitId: unit.id, priceCents: 3_300_000 });
    expect(await flagOf(quote.id)).toMatchObject({ unitChange: null });
    expect((await me.inbox.get({ requestId: request.id })).quotes[0]).toMatchObject({ open: true, unitChanged: false });
    expect(await me.inbox.accept({ quoteId: quote.id, version: revised.version })).toMatchObject({ quoteVersion: 2 });
  });

  it("only live quotes are flagged: a withdrawn one is left as it was", async () => {
    const { unit, quote, shop } = await quotedUnit();
    await shop.dealer.withdrawQuote({ quoteId: quote.id, reason: "Customer went quiet" });
    await shop.inventory.markSold({ unitId: unit.id });
    expect(await flagOf(quote.id)).toMatchObject({ unitChange: null, status: "WITHDRAWN" });
  });

  it("another dealer cannot mark or reprice this dealer's unit: the same NOT_FOUND as a missing id, and no flag", async () => {
    const { unit, quote } = await quotedUnit();
    const stranger = await callerAs((await makeDealer()).ownerId);
    const theirs = await failure(stranger.inventory.markSold({ unitId: unit.id }));
    const missing = await failure(stranger.inventory.markSold({ unitId: "no-such-unit" }));
    expect(theirs).toEqual(missing);
    expect(theirs.code).toBe("NOT_FOUND");
    const reprice = await failure(stranger.inventory.updatePrice({ unitId: unit.id, priceCents: 100_000 }));
    expect(reprice).toEqual(await failure(stranger.inventory.updatePrice({ unitId: "no-such-unit", priceCents: 100_000 })));
    expect(reprice.code).toBe("NOT_FOUND");
    expect(await db.inventoryUnit.findUniqueOrThrow({ where: { id: unit.id }, select: { status: true, priceCents: true } })).toEqual({ status: "AVAILABLE", priceCents: 3_450_000 });
    expect(await flagOf(quote.id)).toMatchObject({ unitChange: null });
  });
});
