import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerAs, makeDealer } from "../../../test/factories";
import { failure } from "../../../test/marketplace";

const good = { docFeeCents: 49_900, addOnsCents: 59_500, addOnsLabel: "Window tint and mats", taxRateBps: 825, quoteValidDays: 10, docFeeFixed: true };

async function staffOf(dealerId: string) {
  const u = await db.user.create({
    data: { email: `staff-${crypto.randomUUID().slice(0, 8)}@test.keyturn`, name: "Staff", passwordHash: "x", role: "DEALER", membership: { create: { dealerId, role: "STAFF" } } },
    select: { id: true },
  });
  return u.id;
}
const stored = (id: string) => db.dealer.findUniqueOrThrow({ where: { id }, select: { docFeeCents: true, addOnsCents: true, addOnsLabel: true, taxRateBps: true, quoteValidDays: true, docFeeFixed: true } });

describe("quote defaults settings", () => {
  it("reads the state table's rate with its source until the dealer sets one; an owner's update reads back", async () => {
    const dealer = await makeDealer({ zip: "85004" }); // Arizona: 5.6% state rate
    const owner = await callerAs(dealer.ownerId);
    const before = await owner.dealerSettings.quoteDefaults();
    expect(before.saved).toEqual({ docFeeCents: 0, addOnsCents: 0, addOnsLabel: null, taxRateBps: null, quoteValidDays: 7, docFeeFixed: false });
    expect(before.effective.taxRateBps).toBe(560);
    expect(before.stateTable).toMatchObject({ state: "AZ", rateBps: 560, asOf: "2025-01-01", source: expect.stringContaining("Tax Foundation") });

    const after = await owner.dealerSettings.updateQuoteDefaults(good);
    expect(after.saved).toEqual(good);
    expect(after.effective).toMatchObject({ taxRateBps: 825, taxRateSource: { kind: "dealer" } });
    expect(await stored(dealer.id)).toEqual(good);
    expect((await owner.dealerSettings.quoteDefaults()).saved).toEqual(good);

    // Emptying the rate goes back to the state table; an empty label is stored as none.
    const reset = await owner.dealerSettings.updateQuoteDefaults({ ...good, addOnsCents: 0, addOnsLabel: " ", taxRateBps: null });
    expect(reset.saved).toMatchObject({ addOnsCents: 0, addOnsLabel: null, taxRateBps: null });
    expect(reset.effective).toMatchObject({ taxRateBps: 560, taxRateSource: { kind: "state-table", state: "AZ" } });
  });

  it("refuses bad input with field messages (never a raw zod text) and changes nothing", async () => {
    const dealer = await makeDealer();
    const owner = await callerAs(dealer.ownerId);
    await owner.dealerSettings.updateQuoteDefaults(good);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ quoteValidDays: 0 }, "quoteValidDays", /At least 1 day/],
      [{ quoteValidDays: 61 }, "quoteValidDays", /At most 60 days/],
      [{ docFeeCents: -1 }, "docFeeCents", /zero or more/],
      [{ docFeeCents: 600_000 }, "docFeeCents", /At most \$5,000/],
      [{ taxRateBps: 2_500 }, "taxRateBps", /At most 20%/],
      [{ addOnsLabel: null }, "addOnsLabel", /Say what the add-ons are/],
    ];
    for (const [over, field, message] of cases) {
      const r = await failure(owner.dealerSettings.updateQuoteDefaults({ ...good, ...over } as typeof good));
      expect([field, r.code]).toEqual([field, "BAD_REQUEST"]);
      expect(r.fields[field]).toMatch(message);
    }
    // Mass assignment: a field that is not a setting is refused.
    expect((await failure(owner.dealerSettings.updateQuoteDefaults({ ...good, verified: false } as typeof good))).code).toBe("BAD_REQUEST");
    expect(await stored(dealer.id)).toEqual(good);
  });

  it("a staff member reads the defaults but cannot change them, like coverage", async () => {
    const dealer = await makeDealer();
    const staff = await callerAs(await staffOf(dealer.id));
    expect((await staff.dealerSettings.quoteDefaults()).saved.quoteValidDays).toBe(7);
    const r = await failure(staff.dealerSettings.updateQuoteDefaults(good));
    expect(r).toMatchObject({ code: "FORBIDDEN", message: "Only an owner can change quote defaults." });
    expect((await stored(dealer.id)).docFeeCents).toBe(0);
  });
});
