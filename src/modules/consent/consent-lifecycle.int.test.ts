import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { sealInt } from "~/server/crypto";
import { makeCustomer, makeDealer, makeLender, callerAs, actorOf } from "../../../test/factories";
import { makeDealRow, makeGrant, makeQuoteRow, makeRequestRow } from "../../../test/consent-helpers";
import { readCustomerData } from "./read-customer-data";
import { revokeGrant } from "./revoke-grant";
import { createCounterKey, hashToken } from "./counter-key";
import { openCounterKey as openKey } from "./open-counter-key";
import { grantContactToDealer } from "./grant-contact-to-dealer";
import { CONTACT_SHARE_TEXT } from "./texts";
import { shownText } from "../../../test/no-values";

describe("revoking a key", () => {
  it("stops reads at once, tells the lenders, cancels waiting pre-approvals and marks copies for deletion", async () => {
    const c = await makeCustomer({ creditScoreEnc: sealInt(700), creditTier: "PRIME", creditSource: "BUREAU", creditPulledAt: new Date() });
    const r = await makeRequestRow(c.id);
    const dealer = await makeDealer();
    const [l1, l2, other] = await Promise.all([
      makeLender({ webhookUrl: "https://l1.example/hook", webhookSecret: "s" }),
      makeLender({ webhookUrl: "https://l2.example/hook", webhookSecret: "s" }),
      makeLender({ webhookUrl: "https://other.example/hook", webhookSecret: "s" }),
    ]);
    const quote = await makeQuoteRow(r.id, dealer.id);
    const pa = (lenderId: string) =>
      db.preApproval.create({ data: { quoteId: quote.id, requestId: r.id, lenderId, quoteVersion: 1, amountCents: 3_050_000, expiresAt: r.expiresAt }, select: { id: true } });
    const [p1, p2] = await Promise.all([pa(l1.id), pa(l2.id)]);
    const g = await makeGrant({ customerId: c.id, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT", "INCOME"], requestId: r.id });
    const ask = { reader: { type: "LENDER" as const, id: l1.id, label: l1.name }, customerId: c.id, fields: ["CREDIT" as const], purpose: "Pre-approval", requestId: r.id, channel: "api" as const };
    await readCustomerData(ask);

    const result = await revokeGrant(c.id, g.id);
    expect(result).toMatchObject({ lendersTold: 2, preApprovalsCancelled: 2 });

    await expect(readCustomerData(ask)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const grant = await db.consentGrant.findUniqueOrThrow({ where: { id: g.id }, select: { revokedAt: true, deletionRequestedAt: true } });
    expect(grant.revokedAt).not.toBeNull();
    expect(grant.deletionRequestedAt).not.toBeNull();
    const statuses = await db.preApproval.findMany({ where: { id: { in: [p1.id, p2.id] } }, select: { status: true } });
    expect(statuses.every((s) => s.status === "CANCELLED")).toBe(true);
    const events = await db.webhookDelivery.findMany({ where: { eventType: "consent.revoked", lenderId: { in: [l1.id, l2.id, other.id] } }, select: { lenderId: true, payload: true } });
    expect(events.map((e) => e.lenderId).sort()).toEqual([l1.id, l2.id].sort());
    expect(events[0]!.payload).toMatchObject({ type: "consent.revoked", data: { grantId: g.id, requestId: r.id, deleteSharedData: true } });
    // No score in what lenders are told: neither a score field nor the number itself as a value (ids and
    // timestamps may contain the digits "700" by chance, so match whole JSON values).
    const told = JSON.stringify(events.map((e) => e.payload));
    expect(told).not.toMatch(/"score"|:700[,}\]]/);
    // The bureau score is no longer shared with anyone, so it is deleted.
    const profile = await db.customerProfile.findUniqueOrThrow({ where: { userId: c.id }, select: { creditScoreEnc: true, creditSource: true } });
    expect(profile).toEqual({ creditScoreEnc: null, creditSource: null });
    // Revoking again changes nothing.
    expect(await revokeGrant(c.id, g.id)).toMatchObject({ lendersTold: 0 });
  });

  it("is NOT_FOUND for another customer's key, through the API too", async () => {
    const [a, b] = await Promise.all([makeCustomer(), makeCustomer()]);
    const r = await makeRequestRow(a.id);
    const g = await makeGrant({ customerId: a.id, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT"], requestId: r.id });
    await expect(revokeGrant(b.id, g.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const asB = await callerAs(b.id);
    await expect(asB.consent.revoke({ grantId: g.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.consentGrant.findUniqueOrThrow({ where: { id: g.id }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
    const dealer = await makeDealer();
    await expect((await callerAs(dealer.ownerId)).consent.myData()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the accepted dealer's contact key", () => {
  it("gives that dealer name, email and phone only, once per request, with the text stored", async () => {
    const c = await makeCustomer({ phone: "480-555-0111" });
    const [d1, d2] = await Promise.all([makeDealer(), makeDealer()]);
    const r = await makeRequestRow(c.id);
    const g = await db.$transaction((tx) => grantContactToDealer(tx, { customerId: c.id, dealerId: d1.id, requestId: r.id }));
    const again = await db.$transaction((tx) => grantContactToDealer(tx, { customerId: c.id, dealerId: d1.id, requestId: r.id }));
    expect(again.id).toBe(g.id);
    const row = await db.consentGrant.findUniqueOrThrow({ where: { id: g.id }, select: { fields: true, consent: { select: { textShown: true, kind: true } } } });
    expect(row).toEqual({ fields: ["CONTACT"], consent: { textShown: CONTACT_SHARE_TEXT.text, kind: "CONTACT_SHARE" } });

    const read = (dealerId: string, fields: ("CONTACT" | "ADDRESS")[]) =>
      readCustomerData({ reader: { type: "DEALER", id: dealerId, label: "Dealer" }, customerId: c.id, fields, purpose: "Buyer contact", requestId: r.id, channel: "ui" });
    await expect(read(d1.id, ["CONTACT"])).resolves.toMatchObject({ contact: { phone: "480-555-0111", email: c.email } });
    await expect(read(d1.id, ["ADDRESS"])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(read(d2.id, ["CONTACT"])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("counter hand-off key", () => {
  it("opens exactly the granted fields, logs each use, stores only a hash, and stops when cancelled", async () => {
    const c = await makeCustomer({ phone: "602-555-0142", annualIncomeEnc: sealInt(9_000_000) });
    const d = await makeDealer();
    const deal = await makeDealRow(c.id, d.id);
    const key = await createCounterKey(c.id, { dealId: deal.dealId, fields: ["CONTACT", "ADDRESS"], minutes: 30 });

    const stored = await db.consentGrant.findUniqueOrThrow({ where: { id: key.grantId }, select: { tokenHash: true, granteeType: true, dealerId: true } });
    expect(stored).toEqual({ tokenHash: hashToken(key.token), granteeType: "COUNTER", dealerId: d.id });
    const raw = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "ConsentGrant" WHERE id = ${key.grantId}`;
    expect(JSON.stringify(raw)).not.toContain(key.token);

    const view = await openKey(key.token, { viewer: await actorOf(d.ownerId) });
    expect(view.state).toBe("open");
    if (view.state !== "open") throw new Error("unreachable");
    expect(view.data.contact?.phone).toBe("602-555-0142");
    expect(view.data.address?.zip).toBe("85004");
    expect(view.data.income).toBeUndefined();
    await openKey(key.token, { viewer: await actorOf(d.ownerId) });
    const logs = await db.accessLog.findMany({ where: { grantId: key.grantId }, select: { actorType: true, channel: true, fields: true } });
    expect(logs).toEqual([
      { actorType: "COUNTER", channel: "counter", fields: ["CONTACT", "ADDRESS"] },
      { actorType: "COUNTER", channel: "counter", fields: ["CONTACT", "ADDRESS"] },
    ]);

    await revokeGrant(c.id, key.grantId);
    expect(await openKey(key.token, { viewer: await actorOf(d.ownerId) })).toMatchObject({ state: "revoked" });
    expect(await db.accessLog.count({ where: { grantId: key.grantId } })).toBe(2);
    await expect(openKey("x".repeat(32), { viewer: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stops after it expires", async () => {
    const c = await makeCustomer();
    const d = await makeDealer();
    const deal = await makeDealRow(c.id, d.id);
    const key = await createCounterKey(c.id, { dealId: deal.dealId, fields: ["CONTACT"], expiresInSeconds: 1 });
    await db.consentGrant.update({ where: { id: key.grantId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await openKey(key.token, { viewer: await actorOf(d.ownerId) })).toMatchObject({ state: "expired" });
    expect(await db.accessLog.count({ where: { grantId: key.grantId } })).toBe(0);
  });

  it("is only for the customer's own accepted purchase", async () => {
    const [a, b] = await Promise.all([makeCustomer(), makeCustomer()]);
    const d = await makeDealer();
    const deal = await makeDealRow(a.id, d.id);
    await expect(createCounterKey(b.id, { dealId: deal.dealId, fields: ["CONTACT"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const asA = await callerAs(a.id);
    await expect(asA.consent.createCounterKey({ dealId: deal.dealId, fields: [], minutes: 30 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asA.consent.createCounterKey({ dealId: deal.dealId, fields: ["CONTACT"], minutes: 999 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const made = await asA.consent.createCounterKey({ dealId: deal.dealId, fields: ["CONTACT"], minutes: 15 });
    const mine = await asA.consent.myData();
    expect(mine.deals[0]!.counterKeys.map((k) => k.id)).toContain(made.grantId);
    expect(JSON.stringify(mine)).not.toContain(made.token);
  });
});

describe("Who saw my data", () => {
  it("lists the customer's reads newest first, as sentences without values, with filters", async () => {
    const c = await makeCustomer({ creditScoreEnc: sealInt(777), annualIncomeEnc: sealInt(6_600_000) });
    const r = await makeRequestRow(c.id);
    const [l1, l2] = await Promise.all([makeLender({ name: "Canyon Credit Union" }), makeLender({ name: "Mesa Auto Finance" })]);
    await makeGrant({ customerId: c.id, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT", "INCOME"], requestId: r.id });
    const read = (l: { id: string; name: string }, fields: ("CREDIT" | "INCOME")[]) =>
      readCustomerData({ reader: { type: "LENDER", id: l.id, label: l.name }, customerId: c.id, fields, purpose: "Pre-approval", requestId: r.id, channel: "api" });
    await read(l1, ["CREDIT", "INCOME"]);
    await read(l2, ["CREDIT"]);

    const me = await callerAs(c.id);
    const all = await me.consent.accessLog({});
    expect(all.entries).toHaveLength(2);
    expect(all.entries[0]!.who).toBe(l2.name);
    expect(all.entries[1]!.sentence).toMatch(/^Canyon Credit Union's system read your credit score and income for your new Toyota sedan request, under the key you gave on /);
    expect(shownText(all)).not.toMatch(/777|66,?000/);
    expect((await me.consent.accessLog({ who: l1.id })).entries).toHaveLength(1);
    expect((await me.consent.accessLog({ field: "INCOME" })).entries.map((e) => e.who)).toEqual([l1.name]);
    expect(all.readers.map((x) => x.id).sort()).toEqual([l1.id, l2.id].sort());
    // Another customer sees none of it.
    const other = await makeCustomer();
    expect((await (await callerAs(other.id)).consent.accessLog({})).entries).toHaveLength(0);
  });
});
