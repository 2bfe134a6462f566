import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { withCheckDigit } from "~/modules/vehicles/vin";
import { callerAs, makeCustomer } from "../../../test/factories";
import { dealerNorthOf, failure, postRequest, quoteInput } from "../../../test/marketplace";

let vinSeq = 0;
// A valid VIN, unique per call (Toyota WMI, model year in position 10).
const vin = () => withCheckDigit(`JTM${String(++vinSeq).padStart(5, "0")}0T${String(Date.now() % 1e7).padStart(7, "0")}`);

type UnitOver = { condition?: "NEW" | "USED" | "CERTIFIED"; make?: string; model?: string; priceCents?: number; status?: "AVAILABLE" | "PENDING" | "SOLD"; bodyType?: "SUV" | "SEDAN" };
const unit = (dealerId: string, o: UnitOver = {}) =>
  db.inventoryUnit.create({
    data: { dealerId, vin: vin(), condition: o.condition ?? "NEW", year: 2026, make: o.make ?? "Toyota", model: o.model ?? "RAV4", bodyType: o.bodyType ?? "SUV", mileage: 10, priceCents: o.priceCents ?? 3_200_000, status: o.status ?? "AVAILABLE" },
    select: { id: true, vin: true },
  });

// The base request: a new Toyota SUV, $40,000 out the door, $3,000 down; dealers sit in South Dakota (4.2% state rate).
async function setup() {
  const buyer = await makeCustomer();
  const dealer = await dealerNorthOf(4, { docFeeCents: 20_000 });
  const other = await dealerNorthOf(4);
  const requestId = await postRequest(buyer.id);
  const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } }, select: { id: true } });
  const otherLead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: other.id } }, select: { id: true } });
  return { buyer, dealer, other, requestId, lead, otherLead, caller: await callerAs(dealer.ownerId) };
}

describe("suggestions on a lead", () => {
  it("lists only the dealer's own available fitting units, best (lowest out the door) first, with reasons", async () => {
    const { dealer, other, lead, caller } = await setup();
    const mid = await unit(dealer.id, { priceCents: 3_200_000 });
    const high = await unit(dealer.id, { priceCents: 3_600_000, model: "Highlander" });
    const low = await unit(dealer.id, { priceCents: 2_900_000 });
    await unit(dealer.id, { condition: "USED", priceCents: 2_000_000 }); // asked for new
    await unit(dealer.id, { priceCents: 4_500_000 }); // over budget
    await unit(dealer.id, { status: "SOLD", priceCents: 2_500_000 });
    await unit(dealer.id, { make: "Honda", model: "CR-V", priceCents: 2_800_000 }); // not a make asked for
    await unit(dealer.id, { bodyType: "SEDAN", model: "Camry", priceCents: 2_500_000 });
    await unit(other.id, { priceCents: 2_000_000 }); // another dealer's, cheaper than all

    const s = await caller.dealer.suggestUnits({ leadId: lead.id });
    expect(s.hasStock).toBe(true);
    expect(s.suggestions.map((x) => x.unit.id)).toEqual([low.id, mid.id, high.id]);
    const first = s.suggestions[0]!;
    // 29,000 + 200 doc fee, tax 4.2% of 29,200 = 1,226.40
    expect(first.otdCents).toBe(2_900_000 + 20_000 + 122_640);
    expect(first.reasons).toEqual(expect.arrayContaining(["SUV, as asked", "New, as asked", "Toyota, one of the makes asked"]));
    expect(first.reasons.some((r) => r.includes("within the $40,000 budget"))).toBe(true);
    expect(first.draft).toMatchObject({ vin: low.vin, vehiclePriceCents: 2_900_000, feesCents: 20_000, taxCents: 122_640 });
  });

  it("tells an empty lot from a lot with nothing that fits; another dealer's lead is NOT_FOUND like a missing one", async () => {
    const { dealer, otherLead, lead, caller } = await setup();
    expect(await caller.dealer.suggestUnits({ leadId: lead.id })).toEqual({ hasStock: false, suggestions: [] });
    await unit(dealer.id, { condition: "USED" });
    expect(await caller.dealer.suggestUnits({ leadId: lead.id })).toEqual({ hasStock: true, suggestions: [] });
    const theirs = await failure(caller.dealer.suggestUnits({ leadId: otherLead.id }));
    const missing = await failure(caller.dealer.suggestUnits({ leadId: "cmissing000000000000000000" }));
    expect(theirs.code).toBe("NOT_FOUND");
    expect(theirs).toEqual(missing);
  });
});

describe("send quote from a unit", () => {
  it("creates a quote linked to the unit, priced by the server, and asks lenders", async () => {
    const { dealer, lead, requestId, caller } = await setup();
    const u = await unit(dealer.id, { priceCents: 3_000_000 });
    const q = await caller.dealer.sendQuoteFromUnit({ leadId: lead.id, unitId: u.id });
    // 30,000 + 200, tax 4.2% of 30,200 = 1,268.40; financed after 3,000 down.
    expect(q).toMatchObject({ otdCents: 3_000_000 + 20_000 + 126_840, amountFinancedCents: 3_146_840 - 300_000, version: 1 });
    const stored = await db.quote.findUniqueOrThrow({ where: { id: q.id }, select: { inventoryUnitId: true, vin: true, autoSent: true, status: true, requestId: true, vehiclePriceCents: true } });
    expect(stored).toEqual({ inventoryUnitId: u.id, vin: u.vin, autoSent: false, status: "ACTIVE", requestId, vehiclePriceCents: 3_000_000 });
    expect(await db.job.count({ where: { queue: "lending.pre-approve-quote", payload: { equals: { quoteId: q.id } } } })).toBe(1);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { status: true } })).status).toBe("QUOTED");

    // One live quote per lead: a second click (another unit) is refused and adds nothing.
    const u2 = await unit(dealer.id, { priceCents: 3_100_000 });
    const again = await failure(caller.dealer.sendQuoteFromUnit({ leadId: lead.id, unitId: u2.id }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already have a live quote/);
    expect(await db.quote.count({ where: { leadId: lead.id } })).toBe(1);
  });

  it("another dealer's unit or lead is NOT_FOUND, identical to a missing id; nothing is created", async () => {
    const { dealer, other, lead, otherLead, caller } = await setup();
    const mine = await unit(dealer.id);
    const theirs = await unit(other.id);
    const missing = "cmissing000000000000000000";
    const theirUnit = await failure(caller.dealer.sendQuoteFromUnit({ leadId: lead.id, unitId: theirs.id }));
    const noUnit = await failure(caller.dealer.sendQuoteFromUnit({ leadId: lead.id, unitId: missing }));
    expect(theirUnit.code).toBe("NOT_FOUND");
    expect(theirUnit).toEqual(noUnit);
    const theirLead = await failure(caller.dealer.sendQuoteFromUnit({ leadId: otherLead.id, unitId: mine.id }));
    const noLead = await failure(caller.dealer.sendQuoteFromUnit({ leadId: missing, unitId: mine.id }));
    expect(theirLead.code).toBe("NOT_FOUND");
    expect(theirLead).toEqual(noLead);
    expect(await db.quote.count({ where: { leadId: { in: [lead.id, otherLead.id] } } })).toBe(0);
  });

  it("refuses a sold unit and one that no longer fits, with a reason", async () => {
    const { dealer, lead, caller } = await setup();
    const sold = await unit(dealer.id, { status: "SOLD" });
    const r = await failure(caller.dealer.sendQuoteFromUnit({ leadId: lead.id, unitId: sold.id }));
    expect(r).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/sold/) });
    const pricey = await unit(dealer.id, { priceCents: 4_500_000 });
    const p = await failure(caller.dealer.sendQuoteFromUnit({ leadId: lead.id, unitId: pricey.id }));
    expect(p).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/no longer fits.*over the budget/) });
    expect(await db.quote.count({ where: { leadId: lead.id } })).toBe(0);
  });
});

describe("a form filled from a unit", () => {
  it("keeps the link through the normal submit when the VIN is the unit's, and drops it when the VIN was changed", async () => {
    const { dealer, lead, caller } = await setup();
    const u = await unit(dealer.id);
    const q = await caller.dealer.submitQuote(quoteInput(lead.id, { vin: u.vin.toLowerCase(), inventoryUnitId: u.id, vehiclePriceCents: 3_150_000 }));
    expect((await db.quote.findUniqueOrThrow({ where: { id: q.id }, select: { inventoryUnitId: true } })).inventoryUnitId).toBe(u.id);

    const second = await setup();
    const u2 = await unit(second.dealer.id);
    const q2 = await second.caller.dealer.submitQuote(quoteInput(second.lead.id, { inventoryUnitId: u2.id })); // quoteInput's own VIN
    expect((await db.quote.findUniqueOrThrow({ where: { id: q2.id }, select: { inventoryUnitId: true } })).inventoryUnitId).toBeNull();
  });

  it("refuses another dealer's or a missing unit alike, and a sold one, creating nothing", async () => {
    const { dealer, other, lead, caller } = await setup();
    const theirs = await unit(other.id);
    const a = await failure(caller.dealer.submitQuote(quoteInput(lead.id, { vin: theirs.vin, inventoryUnitId: theirs.id })));
    const b = await failure(caller.dealer.submitQuote(quoteInput(lead.id, { vin: theirs.vin, inventoryUnitId: "cmissing000000000000000000" })));
    expect(a.code).toBe("BAD_REQUEST");
    expect(a).toEqual(b);
    const sold = await unit(dealer.id, { status: "SOLD" });
    const c = await failure(caller.dealer.submitQuote(quoteInput(lead.id, { vin: sold.vin, inventoryUnitId: sold.id })));
    expect(c).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/sold/) });
    expect(await db.quote.count({ where: { leadId: lead.id } })).toBe(0);
  });
});
