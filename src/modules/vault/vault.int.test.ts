import { describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { openInt, sealInt } from "~/server/crypto";
import { SOFT_PULL_TEXT } from "~/modules/consent/texts";
import { callerAs, makeCustomer } from "../../../test/factories";
import { makeGrant, makeRequestRow } from "../../../test/consent-helpers";
import { sandboxBureau, type CreditBureau } from "./credit-bureau";
import { requestSoftPull, runSoftPull } from "./soft-pull";
import { purgeStaleCredit } from "./retention";
import { enqueue } from "~/server/jobs/queue";
import { runDueJobs } from "~/server/jobs/worker";
import { sealedShape } from "../../../test/no-values";

function spyBureau(): CreditBureau & { softPull: ReturnType<typeof vi.fn> } {
  return { name: "spy", softPull: vi.fn(sandboxBureau.softPull.bind(sandboxBureau)) };
}
const identity = { dateOfBirth: "1990-04-02", ssnLast4: "0002" };

describe("the profile", () => {
  it("saves contact, address and money, with income and housing cost sealed at rest", async () => {
    const c = await makeCustomer();
    const me = await callerAs(c.id);
    await me.vault.save({ firstName: "Ava", lastName: "Reyes", phone: "602-555-0100", street: "12 Palm Ln", city: "Phoenix", state: "az", zip: "85004", employer: "Acme", annualIncomeCents: 7_345_600, housingCostCents: 154_300 });
    const rows = await db.$queryRaw<{ annualIncomeEnc: string; housingCostEnc: string; state: string }[]>`
      SELECT "annualIncomeEnc", "housingCostEnc", state FROM "CustomerProfile" WHERE "userId" = ${c.id}`;
    expect(rows[0]!.state).toBe("AZ");
    expect(rows[0]!.annualIncomeEnc).toMatch(/^v1:t1:/);
    expect(rows[0]!.annualIncomeEnc).not.toContain("7345600");
    expect(rows[0]!.housingCostEnc).not.toContain("154300");
    expect(await me.vault.profile()).toMatchObject({ firstName: "Ava", annualIncomeCents: 7_345_600, housingCostCents: 154_300 });
  });

  it("shows bad input next to the field", async () => {
    const c = await makeCustomer();
    const me = await callerAs(c.id);
    await expect(me.vault.save({ firstName: "", lastName: "X", zip: "8500" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.vault.save({ firstName: "A", lastName: "X", annualIncomeCents: -5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("soft pull", () => {
  it("never calls the bureau without the customer's recorded instruction", async () => {
    const c = await makeCustomer();
    const bureau = spyBureau();
    // No record at all, someone else's record, a stale text version: all refused before the bureau.
    await expect(runSoftPull(c.id, "no-such-record", identity, bureau)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await makeCustomer();
    const theirs = await db.consentRecord.create({ data: { userId: other.id, kind: "SOFT_PULL", textVersion: SOFT_PULL_TEXT.version, textShown: SOFT_PULL_TEXT.text }, select: { id: true } });
    await expect(runSoftPull(c.id, theirs.id, identity, bureau)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stale = await db.consentRecord.create({ data: { userId: c.id, kind: "SOFT_PULL", textVersion: "soft-pull-2020-01", textShown: "old" }, select: { id: true } });
    await expect(runSoftPull(c.id, stale.id, identity, bureau)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const wrongKind = await db.consentRecord.create({ data: { userId: c.id, kind: "CREDIT_SHARE", textVersion: SOFT_PULL_TEXT.version, textShown: SOFT_PULL_TEXT.text }, select: { id: true } });
    await expect(runSoftPull(c.id, wrongKind.id, identity, bureau)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Not ticking the box, through the use-case and through the API.
    await expect(requestSoftPull(c.id, { agreed: false, textVersion: SOFT_PULL_TEXT.version, ...identity }, bureau)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const me = await callerAs(c.id);
    await expect(me.vault.softPull({ agreed: false as true, textVersion: SOFT_PULL_TEXT.version, ...identity })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(bureau.softPull).not.toHaveBeenCalled();
    expect(await db.customerProfile.findUniqueOrThrow({ where: { userId: c.id }, select: { creditScoreEnc: true } })).toEqual({ creditScoreEnc: null });
    expect(await db.consentRecord.count({ where: { userId: c.id, kind: "SOFT_PULL", textVersion: SOFT_PULL_TEXT.version } })).toBe(0);
  });

  it("records the text as shown, pulls once per instruction, and seals the score", async () => {
    const c = await makeCustomer();
    const bureau = spyBureau();
    const result = await requestSoftPull(c.id, { agreed: true, textVersion: SOFT_PULL_TEXT.version, ...identity }, bureau);
    expect(result).toMatchObject({ found: true, score: 742, tier: "PRIME" });
    expect(bureau.softPull).toHaveBeenCalledTimes(1);
    const record = await db.consentRecord.findFirstOrThrow({ where: { userId: c.id, kind: "SOFT_PULL" }, select: { id: true, textShown: true, textVersion: true, agreedAt: true } });
    expect(record).toMatchObject({ textShown: SOFT_PULL_TEXT.text, textVersion: SOFT_PULL_TEXT.version });
    const p = await db.customerProfile.findUniqueOrThrow({ where: { userId: c.id }, select: { creditScoreEnc: true, creditTier: true, creditSource: true } });
    expect(sealedShape(p.creditScoreEnc, 742)).toEqual({ format: true, clear: false });
    expect(openInt(p.creditScoreEnc)).toBe(742);
    expect(p).toMatchObject({ creditTier: "PRIME", creditSource: "BUREAU" });
    // The same instruction cannot be replayed for a second pull.
    await expect(runSoftPull(c.id, record.id, identity, bureau)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(bureau.softPull).toHaveBeenCalledTimes(1);
  });

  it("stores nothing when the bureau has no file", async () => {
    const c = await makeCustomer();
    const r = await requestSoftPull(c.id, { agreed: true, textVersion: SOFT_PULL_TEXT.version, dateOfBirth: "1990-01-01", ssnLast4: "9999" }, spyBureau());
    expect(r).toMatchObject({ found: false });
    expect(await db.customerProfile.findUniqueOrThrow({ where: { userId: c.id }, select: { creditTier: true } })).toEqual({ creditTier: null });
  });

  it("self-reported band replaces a pulled score and keeps no score", async () => {
    const c = await makeCustomer({ creditScoreEnc: sealInt(790), creditTier: "SUPER_PRIME", creditSource: "BUREAU" });
    await (await callerAs(c.id)).vault.selfReport({ tier: "NEAR_PRIME" });
    expect(await db.customerProfile.findUniqueOrThrow({ where: { userId: c.id }, select: { creditScoreEnc: true, creditTier: true, creditSource: true } })).toEqual({
      creditScoreEnc: null,
      creditTier: "NEAR_PRIME",
      creditSource: "SELF_REPORTED",
    });
  });
});

describe("retention", () => {
  it("erases sealed credit and income after the retention period of inactivity, unless a key is still live", async () => {
    const sealed = { creditScoreEnc: sealInt(701), creditTier: "PRIME" as const, creditSource: "BUREAU" as const, annualIncomeEnc: sealInt(5_000_000) };
    const [idle, shared, fresh] = await Promise.all([makeCustomer(sealed), makeCustomer(sealed), makeCustomer(sealed)]);
    const r = await makeRequestRow(shared.id);
    await makeGrant({ customerId: shared.id, granteeType: "ALL_LENDERS", lenderIds: [], fields: ["CREDIT"], requestId: r.id });
    // Age two profiles past the retention period (raw SQL: Prisma would bump updatedAt).
    const old = new Date(Date.now() - 91 * 86_400_000);
    await db.$executeRaw`UPDATE "CustomerProfile" SET "updatedAt" = ${old} WHERE "userId" IN (${idle.id}, ${shared.id})`;
    expect(await purgeStaleCredit(new Date(), 90)).toBeGreaterThanOrEqual(1);
    const get = (id: string) => db.customerProfile.findUniqueOrThrow({ where: { userId: id }, select: { creditScoreEnc: true, annualIncomeEnc: true, creditTier: true } });
    expect(await get(idle.id)).toEqual({ creditScoreEnc: null, annualIncomeEnc: null, creditTier: null });
    // Still shared under a live key: kept. Recently active: kept.
    expect((await get(shared.id)).creditScoreEnc).not.toBeNull();
    expect((await get(fresh.id)).creditScoreEnc).not.toBeNull();
  });
});

describe("retention sweep job", () => {
  it("runs and queues the next daily sweep", async () => {
    const before = new Date();
    const id = await db.$transaction((tx) => enqueue(tx, "vault.retention-sweep", {}));
    await runDueJobs(10, ["vault.retention-sweep"]);
    expect((await db.job.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("DONE");
    // Other files share this database and may schedule sweeps of their own, so look only at what this run queued.
    const next = await db.job.findMany({ where: { queue: "vault.retention-sweep", status: "PENDING", createdAt: { gte: before } }, select: { runAt: true } });
    expect(next.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...next.map((j) => j.runAt.getTime()))).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });
});
