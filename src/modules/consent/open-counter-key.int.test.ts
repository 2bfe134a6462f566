import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { actorOf, callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { makeDealRow } from "../../../test/consent-helpers";
import { createCounterKey } from "./counter-key";
import { openCounterKey } from "./open-counter-key";

async function setup() {
  const buyer = await makeCustomer({ firstName: "Rosa", lastName: "Quintana", phone: "602-555-0142", street: "12 Saguaro Ln" });
  const [dealer, rival] = await Promise.all([makeDealer(), makeDealer()]);
  const deal = await makeDealRow(buyer.id, dealer.id);
  const key = await createCounterKey(buyer.id, { dealId: deal.dealId, fields: ["CONTACT", "ADDRESS"], minutes: 30 });
  const logs = () =>
    db.accessLog.findMany({ where: { grantId: key.grantId }, select: { actorType: true, actorId: true, actorLabel: true, refused: true, fields: true }, orderBy: { createdAt: "asc" } });
  return { buyer, dealer, rival, key, logs };
}

describe("counter key: only the dealer it was made for", () => {
  it("shows nothing of the buyer to someone signed out, a competing dealer or another buyer, and logs each as refused with the real viewer", async () => {
    const { buyer, dealer, rival, key, logs } = await setup();
    const other = await makeCustomer();

    const views = [
      await openCounterKey(key.token, { viewer: null }),
      await openCounterKey(key.token, { viewer: await actorOf(rival.ownerId) }),
      await openCounterKey(key.token, { viewer: await actorOf(other.id) }),
    ];
    expect(views.map((v) => v.state)).toEqual(["refused", "refused", "refused"]);
    expect(views.map((v) => (v.state === "refused" ? v.reason : null))).toEqual(["signed-out", "someone-else", "someone-else"]);
    const shown = JSON.stringify(views);
    for (const secret of ["Rosa", "Quintana", "602-555-0142", "Saguaro", buyer.email]) expect(shown).not.toContain(secret);

    const rows = await logs();
    expect(rows.map((r) => ({ refused: r.refused, fields: r.fields }))).toEqual(Array(3).fill({ refused: true, fields: [] }));
    expect(rows[0]!.actorLabel).toMatch(/signed out/i);
    expect(rows[1]).toMatchObject({ actorType: "DEALER", actorId: rival.id });
    expect(rows[1]!.actorLabel).toContain(rival.name);
    expect(rows[2]!.actorLabel).toBe("Another Keyturn buyer, signed in");
    expect(rows.some((r) => r.actorLabel.includes(dealer.name))).toBe(false);

    // The buyer sees the refusals in their own log, and the key counts no use.
    const me = await callerAs(buyer.id);
    const log = await me.consent.accessLog({});
    expect(log.entries).toHaveLength(3);
    expect(log.entries.every((e) => e.refused)).toBe(true);
    // Newest first: each a plain sentence saying who tried and that nothing was shown.
    expect(log.entries.map((e) => e.sentence)).toEqual([
      "Another Keyturn buyer, signed in to their own account, tried to open your counter key. Nothing was shown.",
      `${rows[1]!.actorLabel} tried to open your counter key. Nothing was shown.`,
      "Someone who was not signed in tried to open your counter key without the code. Nothing was shown.",
    ]);
    expect(rows[1]!.actorLabel).toMatch(/ \(not the dealer you accepted\)$/);
    expect((await me.consent.myData()).deals[0]!.counterKeys[0]!.uses).toBe(0);
  });

  it("names a rival's staff member once when their name already says where they work", async () => {
    const { buyer, rival, key, logs } = await setup();
    const riley = await db.user.create({
      data: { email: `riley-${key.grantId}@test.keyturn`, name: `Riley at ${rival.name}`, passwordHash: "x", role: "DEALER", membership: { create: { dealerId: rival.id, role: "STAFF" } } },
      select: { id: true },
    });
    await openCounterKey(key.token, { viewer: await actorOf(riley.id) });
    expect((await logs()).map((r) => r.actorLabel)).toEqual([`Riley at ${rival.name} (not the dealer you accepted)`]);
    const log = await (await callerAs(buyer.id)).consent.accessLog({});
    expect(log.entries.map((e) => e.sentence)).toEqual([`Riley at ${rival.name} (not the dealer you accepted) tried to open your counter key. Nothing was shown.`]);
  });

  it("opens for the right dealer's signed-in staff, logged with that staff member's name", async () => {
    const { dealer, key, logs } = await setup();
    const staff = await db.user.create({
      data: { email: `desk-${key.grantId}@test.keyturn`, name: "Dana Desk", passwordHash: "x", role: "DEALER", membership: { create: { dealerId: dealer.id, role: "STAFF" } } },
      select: { id: true },
    });
    const view = await openCounterKey(key.token, { viewer: await actorOf(staff.id) });
    expect(view).toMatchObject({ state: "open", data: { contact: { phone: "602-555-0142" }, address: { street: "12 Saguaro Ln" } } });
    expect(await logs()).toEqual([{ actorType: "COUNTER", actorId: staff.id, actorLabel: `Dana Desk (${dealer.name} staff, signed in)`, refused: false, fields: ["CONTACT", "ADDRESS"] }]);
  });

  it("opens once with the one-time code read out at the counter, then refuses the code; a wrong code opens nothing", async () => {
    const { key, logs, buyer } = await setup();
    const wrong = key.code === "000000" ? "111111" : "000000";
    expect(await openCounterKey(key.token, { viewer: null, code: wrong })).toMatchObject({ state: "refused", reason: "wrong-code" });
    const first = await openCounterKey(key.token, { viewer: null, code: key.code });
    expect(first).toMatchObject({ state: "open", data: { contact: { firstName: "Rosa" } } });
    const again = await openCounterKey(key.token, { viewer: null, code: key.code });
    expect(again).toMatchObject({ state: "refused", reason: "code-used" });
    expect(JSON.stringify(again)).not.toContain("Rosa");
    const rows = await logs();
    expect(rows.map((r) => [r.refused, r.actorLabel])).toEqual([
      [true, "Someone signed out, with a wrong code"],
      [false, expect.stringMatching(/^Someone at the counter of .+ using the one-time code$/)],
      [true, "Someone signed out, with a code that was already used"],
    ]);
    expect((await (await callerAs(buyer.id)).consent.myData()).deals[0]!.counterKeys[0]!.uses).toBe(1);
    // The code is kept only as a hash bound to the token.
    const raw = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "ConsentGrant" WHERE id = ${key.grantId}`;
    expect(JSON.stringify(raw)).not.toContain(`"${key.code}"`);
  });

  it("stops taking codes after five wrong ones, even the right one", async () => {
    const { key } = await setup();
    const wrong = key.code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await openCounterKey(key.token, { viewer: null, code: wrong });
    expect(await openCounterKey(key.token, { viewer: null, code: key.code })).toMatchObject({ state: "refused" });
  });
});
