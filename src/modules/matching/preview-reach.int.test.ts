import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { lookupZip } from "~/modules/geo/zip";
import { baseRequest, postRequest } from "../../../test/marketplace";

// A place of this test's own: around the shared test ZIP, other files' requests fill dealers' daily lead
// caps between this test's preview and its post, and the two counts then differ for a reason not tested here.
const ZIP = "04101"; // Portland, ME
const place = lookupZip(ZIP)!;
const dealerNorthOf = (miles: number, over: Parameters<typeof makeDealer>[0] = {}) => makeDealer({ zip: ZIP, lat: place.lat + miles / 69.17, lng: place.lng, ...over });

const terms = (over: Partial<typeof baseRequest> = {}) => {
  const r = { ...baseRequest, zip: ZIP, ...over };
  return { bodyType: r.bodyType, condition: r.condition, makes: r.makes, maxPriceCents: r.maxPriceCents, maxMonthlyCents: r.maxMonthlyCents, termMonths: r.termMonths, downPaymentCents: r.downPaymentCents, zip: r.zip, radiusMiles: r.radiusMiles };
};

describe("requests.reach (the new-request form's live count)", () => {
  it("counts exactly the dealers fan-out then reaches, as the radius and body type change", async () => {
    const buyer = await makeCustomer();
    const caller = await callerAs(buyer.id);
    await dealerNorthOf(10, { serviceRadiusMiles: 100 });
    await dealerNorthOf(40, { serviceRadiusMiles: 100 });
    await dealerNorthOf(20, { serviceRadiusMiles: 100, bodyTypes: ["TRUCK"] });
    await dealerNorthOf(15, { serviceRadiusMiles: 10 }); // the buyer is outside this dealer's own radius

    for (const over of [{ radiusMiles: 25 }, { radiusMiles: 50 }, { radiusMiles: 50, bodyType: "TRUCK" as const }, { radiusMiles: 5 }]) {
      const preview = await caller.requests.reach(terms(over));
      const requestId = await postRequest(buyer.id, { zip: ZIP, ...over });
      const { matchedCount } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { matchedCount: true } });
      expect(preview, JSON.stringify(over)).toMatchObject({ found: true, dealers: matchedCount, radiusMiles: over.radiusMiles, budgetCounted: true });
    }
    // And the count moves as the radius does: more at 50 than at 25; none near Barrow, AK, where no test puts a
    // dealer (the fault tests use Fairbanks, 450 miles away).
    expect(await caller.requests.reach(terms({ zip: "99723", radiusMiles: 50 }))).toMatchObject({ found: true, dealers: 0, place: "Barrow, AK" });
    const at25 = await caller.requests.reach(terms({ radiusMiles: 25 }));
    const at50 = await caller.requests.reach(terms({ radiusMiles: 50 }));
    expect(at25.found && at50.found && at50.dealers > at25.dealers).toBe(true);
  });

  it("writes nothing, and says when the ZIP is unknown instead of counting zero", async () => {
    const buyer = await makeCustomer();
    const caller = await callerAs(buyer.id);
    const before = await db.lead.count();
    expect(await caller.requests.reach(terms({ zip: "00000" }))).toEqual({ found: false });
    await caller.requests.reach(terms());
    expect(await db.lead.count()).toBe(before);
    expect(await db.request.count({ where: { customerId: buyer.id } })).toBe(0);
  });
});
