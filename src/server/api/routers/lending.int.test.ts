import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerAs, makeCustomer, makeLender } from "../../../../test/factories";
import { makeBuyerWithCredit, makePolicyLender, makeQuotedRequest, wideTier } from "../../../../test/lending-factories";
import { preApproveQuote } from "~/modules/lending/pre-approve-quote";

const tier = { minScore: 661, maxScore: 780, aprNewBps: 687, aprUsedBps: 936, maxTermMonths: 72, maxAmountCents: 6_000_000, maxPtiBps: 1500 };

describe("lending console (tRPC)", () => {
  it("lets an owner edit the policy, with field errors for overlapping tiers and no extra fields", async () => {
    const lender = await makeLender();
    const owner = await callerAs(lender.ownerId);
    const saved = await owner.lending.updatePolicy({ active: true, bodyTypes: ["SUV"], allowNew: true, allowUsed: false, tiers: [tier, { ...tier, minScore: 781, maxScore: 850, aprNewBps: 525 }] });
    expect(saved.tiers.map((t) => t.minScore)).toEqual([781, 661]);
    expect(saved).toMatchObject({ active: true, bodyTypes: ["SUV"], allowUsed: false });

    await expect(owner.lending.updatePolicy({ active: true, bodyTypes: ["SUV"], allowNew: true, allowUsed: true, tiers: [tier, { ...tier, minScore: 700 }] })).rejects.toMatchObject({
      cause: { code: "BAD_REQUEST", fields: { "tiers.1.minScore": expect.stringMatching(/Overlaps tier 1/) } },
    });
    // Mass assignment: no way to flip verification or point at another lender through the policy form.
    await expect(owner.lending.updatePolicy({ active: true, bodyTypes: ["SUV"], allowNew: true, allowUsed: true, tiers: [tier], verified: true } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.lending.updatePolicy({ active: true, bodyTypes: ["SUV"], allowNew: true, allowUsed: true, tiers: [{ ...tier, lenderId: "x" }] } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.lenderPolicyTier.count({ where: { lenderId: lender.id } }))).toBe(2);
  });

  it("keeps API keys and webhooks to owners, and keys to their own lender", async () => {
    const lender = await makeLender();
    const staff = await db.user.create({
      data: { email: `staff-${Date.now()}@test.keyturn`, name: "Staff", passwordHash: "x", role: "LENDER", membership: { create: { lenderId: lender.id, role: "STAFF" } } },
      select: { id: true },
    });
    await expect((await callerAs(staff.id)).lending.createApiKey({ name: "k", mode: "LIVE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const owner = await callerAs(lender.ownerId);
    const key = await owner.lending.createApiKey({ name: "Main", mode: "LIVE" });
    expect(key.secret).toMatch(/^kt_live_/);
    expect(JSON.stringify(await owner.lending.apiKeys())).not.toContain(key.secret);

    const other = await makeLender();
    await expect((await callerAs(other.ownerId)).lending.revokeApiKey({ id: key.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerAs((await makeCustomer()).id)).lending.apiKeys()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows the buyer their offers with disclosures and their notices, and nobody else", async () => {
    const buyer = await makeBuyerWithCredit(720);
    const approver = await makePolicyLender([wideTier({ aprNewBps: 600, aprUsedBps: 600 })]);
    const decliner = await makePolicyLender([wideTier({ minScore: 800, maxScore: 850 })]);
    const { request, quote } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [approver.id, decliner.id], request: { termMonths: 60 } });
    await preApproveQuote(quote.id);
    const me = await callerAs(buyer.id);
    const offers = await me.lending.forRequest({ requestId: request.id });
    const approved = offers.find((o) => o.lender.id === approver.id)!;
    expect(approved.disclosure).toMatchObject({ aprBps: 600, termMonths: 60, amountFinancedCents: quote.amountFinancedCents });
    expect(approved.disclosure!.totalOfPaymentsCents).toBe(approved.disclosure!.monthlyPaymentCents * 60);
    const declined = offers.find((o) => o.lender.id === decliner.id)!;
    expect(declined.status).toBe("DECLINED");
    const notice = await me.lending.notice({ id: declined.notice!.id });
    expect(notice).toMatchObject({ reasons: [expect.any(String)], scoreUsed: 720 });

    const stranger = await callerAs((await makeCustomer()).id);
    await expect(stranger.lending.forRequest({ requestId: request.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.lending.notice({ id: declined.notice!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
