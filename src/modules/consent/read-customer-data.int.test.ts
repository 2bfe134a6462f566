import { createCipheriv, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { sealInt } from "~/server/crypto";
import { makeCustomer, makeDealer, makeLender } from "../../../test/factories";
import { makeGrant, makeRequestRow } from "../../../test/consent-helpers";
import { readCustomerData, type Reader } from "./read-customer-data";
import { sealedShape, shownText } from "../../../test/no-values";

const SCORE = 742;
const INCOME = 8_512_300;
const HOUSING = 187_600;
const PHONE = "602-555-0199";

let customerId: string;
let requestId: string;
let L1: Reader;
let L2: Reader;
let D1: Reader;

async function customerWithVault() {
  const c = await makeCustomer({
    phone: PHONE,
    annualIncomeEnc: sealInt(INCOME),
    housingCostEnc: sealInt(HOUSING),
    creditScoreEnc: sealInt(SCORE),
    creditTier: "PRIME",
    creditSource: "SELF_REPORTED",
  });
  const r = await makeRequestRow(c.id);
  return { customerId: c.id, requestId: r.id };
}

const logCount = (grantId: string) => db.accessLog.count({ where: { grantId } });

beforeAll(async () => {
  ({ customerId, requestId } = await customerWithVault());
  const [l1, l2, d1] = await Promise.all([makeLender(), makeLender(), makeDealer()]);
  L1 = { type: "LENDER", id: l1.id, label: l1.name };
  L2 = { type: "LENDER", id: l2.id, label: l2.name };
  D1 = { type: "DEALER", id: d1.id, label: d1.name };
});

describe("readCustomerData", () => {
  it("gives L1 the fields shared with it, and L2 nothing", async () => {
    const g = await makeGrant({ customerId, granteeType: "LENDERS", lenderIds: [L1.id], fields: ["CREDIT", "INCOME"], requestId });
    const data = await readCustomerData({ reader: L1, customerId, fields: ["CREDIT", "INCOME"], purpose: "Pre-approval", requestId, channel: "api" });
    expect(data.credit).toMatchObject({ score: SCORE, tier: "PRIME" });
    expect(data.income).toMatchObject({ annualIncomeCents: INCOME, housingCostCents: HOUSING });

    await expect(
      readCustomerData({ reader: L2, customerId, fields: ["CREDIT"], purpose: "Pre-approval", requestId, channel: "api" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The refused read left no trace as if it had happened.
    expect(await db.accessLog.count({ where: { customerId, actorId: L2.id } })).toBe(0);
    expect(await logCount(g.id)).toBe(1);
  });

  it("refuses a revoked grant on the very next call", async () => {
    const v = await customerWithVault();
    const g = await makeGrant({ customerId: v.customerId, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT"], requestId: v.requestId });
    const ask = { reader: L2, customerId: v.customerId, fields: ["CREDIT" as const], purpose: "Pre-approval", requestId: v.requestId, channel: "api" as const };
    await expect(readCustomerData(ask)).resolves.toMatchObject({ credit: { score: SCORE } });
    await db.consentGrant.update({ where: { id: g.id }, data: { revokedAt: new Date() } });
    await expect(readCustomerData(ask)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await logCount(g.id)).toBe(1);
  });

  it("refuses an expired grant", async () => {
    const v = await customerWithVault();
    await makeGrant({ customerId: v.customerId, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT"], requestId: v.requestId, expiresAt: new Date(Date.now() - 1000) });
    await expect(
      readCustomerData({ reader: L1, customerId: v.customerId, fields: ["CREDIT"], purpose: "p", requestId: v.requestId, channel: "api" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never returns a field outside the grant's scope", async () => {
    const v = await customerWithVault();
    await makeGrant({ customerId: v.customerId, granteeType: "DEALER", dealerId: D1.id, lenderIds: [], fields: ["CONTACT"], requestId: v.requestId });
    await expect(
      readCustomerData({ reader: D1, customerId: v.customerId, fields: ["CONTACT", "CREDIT"], purpose: "p", requestId: v.requestId, channel: "ui" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const data = await readCustomerData({ reader: D1, customerId: v.customerId, fields: ["CONTACT"], purpose: "p", requestId: v.requestId, channel: "ui" });
    expect(data.contact).toMatchObject({ phone: PHONE, firstName: "Test" });
    expect(data.credit).toBeUndefined();
    expect(data.income).toBeUndefined();
    expect(data.address).toBeUndefined();
    // A grant for one request does not open the data for another.
    const other = await makeRequestRow(v.customerId);
    await expect(
      readCustomerData({ reader: D1, customerId: v.customerId, fields: ["CONTACT"], purpose: "p", requestId: other.id, channel: "ui" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("partial: returns only the covered fields, logs only those, and still refuses when none is covered", async () => {
    const v = await customerWithVault();
    const g = await makeGrant({ customerId: v.customerId, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT"], requestId: v.requestId });
    const ask = { reader: L1, customerId: v.customerId, purpose: "p", requestId: v.requestId, channel: "api" as const, partial: true };
    const data = await readCustomerData({ ...ask, fields: ["CREDIT", "INCOME"] });
    expect(data.credit?.score).toBe(SCORE);
    expect(data.income).toBeUndefined();
    expect(await db.accessLog.findMany({ where: { grantId: g.id }, select: { fields: true } })).toEqual([{ fields: ["CREDIT"] }]);
    await expect(readCustomerData({ ...ask, fields: ["INCOME", "CONTACT"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("writes exactly one log row per read, holding no values", async () => {
    const v = await customerWithVault();
    const g = await makeGrant({ customerId: v.customerId, granteeType: "LENDERS", lenderIds: [L1.id], fields: ["CREDIT", "INCOME", "CONTACT"], requestId: v.requestId });
    await readCustomerData({ reader: L1, customerId: v.customerId, fields: ["CREDIT", "INCOME", "CONTACT"], purpose: "Pre-approval for request", requestId: v.requestId, channel: "api" });
    const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "AccessLog" WHERE "grantId" = ${g.id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorType: "LENDER", actorId: L1.id, customerId: v.customerId, requestId: v.requestId, channel: "api" });
    const raw = shownText(rows[0]);
    for (const secret of [String(SCORE), String(INCOME), String(HOUSING), PHONE, "Test"]) expect(raw).not.toContain(secret);
  });

  it("rolls the log row back with the caller's transaction", async () => {
    const v = await customerWithVault();
    const g = await makeGrant({ customerId: v.customerId, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT"], requestId: v.requestId });
    await expect(
      db.$transaction(async (tx) => {
        await readCustomerData({ reader: L1, customerId: v.customerId, fields: ["CREDIT"], purpose: "p", requestId: v.requestId, channel: "job" }, tx);
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    expect(await logCount(g.id)).toBe(0);
  });

  it("the application's role cannot UPDATE or DELETE log rows", async () => {
    const row = await db.accessLog.findFirstOrThrow({ where: { customerId }, select: { id: true } });
    await expect(db.$executeRaw`UPDATE "AccessLog" SET "actorLabel" = 'tampered' WHERE id = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AccessLog" WHERE id = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(db.accessLog.deleteMany({ where: { id: row.id } })).rejects.toThrow();
    expect(await db.accessLog.findUnique({ where: { id: row.id }, select: { actorLabel: true } })).toEqual({ actorLabel: L1.label });
  });

  it("stores credit and income as ciphertext only", async () => {
    const rows = await db.$queryRaw<{ annualIncomeEnc: string; housingCostEnc: string; creditScoreEnc: string }[]>`
      SELECT "annualIncomeEnc", "housingCostEnc", "creditScoreEnc" FROM "CustomerProfile" WHERE "userId" = ${customerId}`;
    const raw = rows[0]!;
    expect(raw.creditScoreEnc).toMatch(/^v1:t1:/);
    for (const [col, plain] of [["annualIncomeEnc", INCOME], ["housingCostEnc", HOUSING], ["creditScoreEnc", SCORE]] as const) {
      expect(sealedShape(raw[col], plain)).toEqual({ format: true, clear: false });
    }
  });

  it("still opens a value sealed with an older key after rotation", async () => {
    // t0 is the second (older) key in the test ENCRYPTION_KEYS; t1 now seals new values.
    const t0 = Buffer.from("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=", "base64");
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", t0, iv);
    const ct = Buffer.concat([cipher.update("655", "utf8"), cipher.final()]);
    const oldSealed = ["v1", "t0", iv.toString("base64"), cipher.getAuthTag().toString("base64"), ct.toString("base64")].join(":");
    const c = await makeCustomer({ creditScoreEnc: oldSealed, creditTier: "NEAR_PRIME", creditSource: "BUREAU" });
    const r = await makeRequestRow(c.id);
    await makeGrant({ customerId: c.id, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT"], requestId: r.id });
    const data = await readCustomerData({ reader: L1, customerId: c.id, fields: ["CREDIT"], purpose: "p", requestId: r.id, channel: "api" });
    expect(data.credit).toMatchObject({ score: 655, tier: "NEAR_PRIME", source: "BUREAU" });
  });
});
