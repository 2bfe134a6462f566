import { describe, expect, it } from "vitest";
import { candidateUnits, rankRequestSelect } from "~/modules/inventory/suggest-units";
import { OWNS_THIS_CAR } from "~/modules/quotes/create-quote";
import { withCheckDigit } from "~/modules/vehicles/vin";
import { db } from "~/server/db";
import { callerAs, makeCustomer } from "../../../test/factories";
import { acceptedDeal as acceptedDealFor } from "../../../test/ratings-world";
import { dealerNorthOf, failure, postRequest, quoteInput, VALID_VIN } from "../../../test/marketplace";

// A 2021 Toyota (position 7 a letter, position 10 "M"), check digit fixed; distinct per call.
let serial = 100_000;
const toyotaVin = () => withCheckDigit(`4T1BZ1FB0MU${serial++}`);

/** A real accepted deal (test/ratings-world.ts) for the car with this VIN. */
async function acceptedDeal(vin = toyotaVin()) {
  return { ...(await acceptedDealFor({ quote: { vin, year: 2021, mileage: 15 } })), vin };
}

const deliver = (w: Awaited<ReturnType<typeof acceptedDeal>>) =>
  w.seller.delivery.record({ dealId: w.dealId, deliveredOn: new Date(), financingUsed: "CASH", ...w.lines });

describe("the buyer's garage", () => {
  it("a recorded delivery adds the deal's car; a car not delivered is not added", async () => {
    const w = await acceptedDeal();
    expect(await w.me.garage.list()).toEqual([]);
    await deliver(w);
    const cars = await w.me.garage.list();
    expect(cars).toHaveLength(1);
    expect(cars[0]).toMatchObject({ vin: w.vin, year: 2021, make: "Toyota", model: "RAV4", trim: "XLE", mileage: 15, source: "BOUGHT_HERE" });
    expect(await db.garageVehicle.findFirstOrThrow({ where: { vin: w.vin }, select: { dealId: true } })).toEqual({ dealId: w.dealId });

    const lost = await acceptedDeal();
    await lost.seller.delivery.notDelivered({ dealId: lost.dealId, reason: "The buyer's financing fell through." });
    expect(await lost.me.garage.list()).toEqual([]);
  });

  it("a car the buyer typed in becomes BOUGHT_HERE when delivered, never listed twice", async () => {
    const w = await acceptedDeal();
    await w.me.garage.add({ vin: w.vin, year: 2021, model: "RAV4", mileage: 3 });
    await deliver(w);
    const cars = await w.me.garage.list();
    expect(cars.map((c) => [c.vin, c.source])).toEqual([[w.vin, "BOUGHT_HERE"]]);
  });

  it("adds by hand with the VIN checked: a bad check digit, a year the VIN disagrees with, an unknown maker; the make comes from the VIN", async () => {
    const buyer = await makeCustomer();
    const me = await callerAs(buyer.id);
    const badDigit = `${VALID_VIN.slice(0, 8)}${VALID_VIN[8] === "0" ? "1" : "0"}${VALID_VIN.slice(9)}`;
    const r1 = await failure(me.garage.add({ vin: badDigit, year: 2003, model: "Accord" }));
    expect(r1).toMatchObject({ code: "BAD_REQUEST", fields: { vin: "This VIN's check digit does not match; please check it for typos." } });
    // VALID_VIN's 10th character is "3": a 2003 model year.
    const r2 = await failure(me.garage.add({ vin: VALID_VIN, year: 2010, model: "Accord" }));
    expect(r2).toMatchObject({ code: "BAD_REQUEST", fields: { year: "This VIN is for a 2003 model year (its 10th character is 3), not 2010." } });
    const unknownMaker = withCheckDigit("ZZZBZ1FB0MU000001");
    const r3 = await failure(me.garage.add({ vin: unknownMaker, year: 2021, model: "Thing" }));
    expect(r3).toMatchObject({ code: "BAD_REQUEST", fields: { make: "Enter the make: we could not tell it from this VIN." } });
    // Mass assignment: a customerId or source in the input is refused by the strict schema.
    const r4 = await failure(me.garage.add({ vin: VALID_VIN, year: 2003, model: "Accord", source: "BOUGHT_HERE" } as never));
    expect(r4.code).toBe("BAD_REQUEST");
    expect(await db.garageVehicle.count({ where: { customerId: buyer.id } })).toBe(0);

    const car = await me.garage.add({ vin: ` ${VALID_VIN.toLowerCase()} `, year: 2003, model: "Accord", mileage: 120_000 });
    expect(car).toMatchObject({ vin: VALID_VIN, make: "Honda", model: "Accord", source: "ADDED_BY_HAND" });
    const dup = await failure(me.garage.add({ vin: VALID_VIN, year: 2003, model: "Accord" }));
    expect(dup).toMatchObject({ code: "BAD_REQUEST", fields: { vin: "This VIN is already in your garage." } });
    expect(await db.garageVehicle.count({ where: { customerId: buyer.id } })).toBe(1);

    expect(await me.garage.updateMileage({ id: car.id, mileage: 121_500 })).toMatchObject({ mileage: 121_500 });
    expect((await failure(me.garage.updateMileage({ id: car.id, mileage: -4 }))).code).toBe("BAD_REQUEST");
    expect(await me.garage.remove({ id: car.id })).toEqual({ id: car.id });
    expect(await me.garage.list()).toEqual([]);
  });

  it("another buyer cannot read, edit or remove a car: the same NOT_FOUND as a missing id, and nothing changes", async () => {
    const owner = await callerAs((await makeCustomer()).id);
    const car = await owner.garage.add({ vin: VALID_VIN, year: 2003, model: "Accord", mileage: 100 });
    const other = await callerAs((await makeCustomer()).id);
    expect(await other.garage.list()).toEqual([]);
    const missingEdit = await failure(other.garage.updateMileage({ id: "missing-car-id", mileage: 5 }));
    const missingRemove = await failure(other.garage.remove({ id: "missing-car-id" }));
    expect(missingEdit.code).toBe("NOT_FOUND");
    expect(await failure(other.garage.updateMileage({ id: car.id, mileage: 5 }))).toEqual(missingEdit);
    expect(await failure(other.garage.remove({ id: car.id }))).toEqual(missingRemove);
    expect(await owner.garage.list()).toEqual([expect.objectContaining({ id: car.id, mileage: 100 })]);
  });

  it("matching never offers the buyer their own car: suggestions skip it, and a quote with its VIN is refused on the vin field", async () => {
    const w = await acceptedDeal();
    await deliver(w);
    // The buyer's next request; the dealer happens to hold the same car (traded back in) and another.
    const next = await postRequest(w.buyer.id);
    const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId: next, dealerId: w.dealer.id } }, select: { id: true } });
    const other = toyotaVin();
    for (const vin of [w.vin, other]) {
      await db.inventoryUnit.create({ data: { dealerId: w.dealer.id, vin, condition: "NEW", year: 2021, make: "Toyota", model: "RAV4", bodyType: "SUV", mileage: 15, priceCents: 3_000_000 }, select: { id: true } });
    }
    const request = await db.request.findUniqueOrThrow({ where: { id: next }, select: rankRequestSelect });
    expect((await candidateUnits(db, w.dealer.id, request)).map((u) => u.vin)).toEqual([other]);
    // Another buyer's request still gets both.
    const stranger = await makeCustomer();
    const theirs = await db.request.findUniqueOrThrow({ where: { id: await postRequest(stranger.id) }, select: rankRequestSelect });
    expect((await candidateUnits(db, w.dealer.id, theirs)).map((u) => u.vin).sort()).toEqual([w.vin, other].sort());

    const before = await db.quote.count({ where: { leadId: lead.id } });
    const refused = await failure(w.seller.dealer.submitQuote(quoteInput(lead.id, { vin: w.vin, year: 2021 })));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: OWNS_THIS_CAR, fields: { vin: OWNS_THIS_CAR } });
    expect(await db.quote.count({ where: { leadId: lead.id } })).toBe(before);
    await w.seller.dealer.submitQuote(quoteInput(lead.id, { vin: other, year: 2021 }));
  });

  it("dealers see a returning buyer only with the request's opt-in; without it the lead's data reveals nothing", async () => {
    const w = await acceptedDeal();
    await deliver(w);
    const leadOf = async (requestId: string) => {
      const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: w.dealer.id } }, select: { id: true } });
      return w.seller.dealer.lead({ leadId: lead.id });
    };
    const silent = await leadOf(await postRequest(w.buyer.id));
    const firstTimer = await makeCustomer();
    const newcomer = await leadOf(await postRequest(firstTimer.id, { tellReturningBuyer: true }));
    const toldId = await postRequest(w.buyer.id, { tellReturningBuyer: true });
    const told = await leadOf(toldId);
    // The buyer's own view of the request says what dealers are shown.
    expect((await w.me.requests.get({ requestId: toldId })).returningBuyerShare).toEqual({ returning: true });

    expect(told.request.returningBuyer).toBe(true);
    // Without the opt-in, the lead reads exactly as a first-time buyer's (who opted in, with nothing to tell).
    expect(silent.request.returningBuyer).toBe(false);
    expect(newcomer.request.returningBuyer).toBe(false);
    const shape = (l: typeof silent) => Object.keys(l.request).sort();
    expect(shape(silent)).toEqual(shape(newcomer));
    expect(JSON.stringify(silent)).not.toMatch(/returningBuyerShare|Keyturn before|deal/i);
    expect(await db.returningBuyerShare.count({ where: { customerId: w.buyer.id } })).toBe(1);

    // The opt-in is listed on My data, and the buyer can take it back there; another buyer cannot.
    const mine = await w.me.consent.myData();
    expect(mine.returningBuyer).toEqual([expect.objectContaining({ requestId: toldId, shown: true, agreedText: expect.stringContaining("Returning Keyturn buyer") })]);
    const stranger = await callerAs(firstTimer.id);
    const theirs = await failure(stranger.consent.stopReturningBuyer({ requestId: toldId }));
    expect(theirs).toEqual({ code: "NOT_FOUND", message: "That request does not tell dealers anything about you.", fields: {} });
    expect(await failure(stranger.consent.stopReturningBuyer({ requestId: "clmissing00000000000000000" }))).toEqual(theirs);
    expect((await leadOf(toldId)).request.returningBuyer).toBe(true);
    await w.me.consent.stopReturningBuyer({ requestId: toldId });
    expect((await leadOf(toldId)).request.returningBuyer).toBe(false);
    expect((await w.me.consent.myData()).returningBuyer).toEqual([]);
    expect((await failure(w.me.consent.stopReturningBuyer({ requestId: toldId }))).code).toBe("NOT_FOUND");
  });
});
