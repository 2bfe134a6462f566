import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { cancelQuotePreApprovals, preApproveQuote } from "~/modules/lending/pre-approve-quote";
import { recordDecision } from "~/modules/lending/record-decision";
import { expirePreApprovals, expirePreApprovalsJob } from "~/modules/lending/expire-pre-approvals";
import { jobsById } from "~/server/jobs/registry";
import { monthlyPaymentCents } from "~/modules/lending/amortization";
import { makeBuyerWithCredit, makePolicyLender, makeQuotedRequest, wideTier } from "../../../test/lending-factories";
import { makeLender } from "../../../test/factories";

const rowsFor = (quoteId: string) =>
  db.preApproval.findMany({ where: { quoteId }, select: { id: true, lenderId: true, status: true, quoteVersion: true, amountCents: true, decisionVersion: true, aprBps: true, termMonths: true, monthlyPaymentCents: true, reasons: true, source: true } });

describe("pre-approval engine", () => {
  it("auto-decides for lenders with a policy, logs the read, and asks the others by webhook", async () => {
    const buyer = await makeBuyerWithCredit(720, 9_000_000, 150_000);
    const approver = await makePolicyLender([wideTier({ aprNewBps: 650, aprUsedBps: 850 })]);
    const picky = await makePolicyLender([wideTier({ minScore: 781, maxScore: 850 }), wideTier({ minScore: 300, maxScore: 600 })]);
    const apiOnly = await makeLender({ policyActive: false, webhookUrl: "https://hooks.example.com/keyturn", webhookSecret: null });
    const { quote, request } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [approver.id, picky.id, apiOnly.id], request: { condition: "USED", termMonths: 60 } });

    expect(await preApproveQuote(quote.id)).toEqual({ requested: 3 });
    const rows = await rowsFor(quote.id);
    const by = (id: string) => rows.find((r) => r.lenderId === id)!;

    expect(by(approver.id)).toMatchObject({ status: "APPROVED", aprBps: 850, termMonths: 60, source: "AUTO_POLICY", decisionVersion: 1, quoteVersion: 1, amountCents: quote.amountFinancedCents });
    expect(by(approver.id).monthlyPaymentCents).toBe(monthlyPaymentCents(quote.amountFinancedCents, 850, 60));
    // picky lists tiers around the buyer's score but not covering it: it is still asked (unknown tier on
    // the request) and declines with a reason; the decline becomes a notice and a notification.
    expect(by(picky.id)).toMatchObject({ status: "DECLINED", reasons: ["Credit score outside the range this lender finances"] });
    const notice = await db.adverseActionNotice.findUniqueOrThrow({ where: { preApprovalId: by(picky.id).id }, select: { customerId: true, scoreUsed: true, scoreSource: true, reasons: true } });
    expect(notice).toEqual({ customerId: buyer.id, scoreUsed: 720, scoreSource: "Self-reported by the buyer", reasons: ["Credit score outside the range this lender finances"] });
    expect(await db.notification.count({ where: { userId: buyer.id, kind: "adverse_action" } })).toBe(1);

    expect(by(apiOnly.id)).toMatchObject({ status: "PENDING", decisionVersion: 0 });
    const events = await db.webhookDelivery.findMany({ where: { lenderId: apiOnly.id }, select: { eventType: true, payload: true } });
    expect(events.map((e) => e.eventType)).toEqual(["pre_approval.requested"]);
    expect((events[0]!.payload as { data: { pre_approval_id: string } }).data.pre_approval_id).toBe(by(apiOnly.id).id);

    const logs = await db.accessLog.findMany({ where: { customerId: buyer.id }, select: { actorId: true, channel: true, fields: true, requestId: true } });
    expect(logs.map((l) => l.actorId).sort()).toEqual([approver.id, picky.id].sort());
    expect(logs.every((l) => l.channel === "job" && l.requestId === request.id && l.fields.includes("CREDIT"))).toBe(true);

    // Idempotent: running the job again for the same quote version changes nothing and reads nothing.
    await preApproveQuote(quote.id);
    expect(await rowsFor(quote.id)).toEqual(rows);
    expect(await db.accessLog.count({ where: { customerId: buyer.id } })).toBe(2);
  });

  it("prices each quote by the car's stated condition, not the request's 'new or used'", async () => {
    const buyer = await makeBuyerWithCredit(720, 9_000_000, 150_000);
    const lender = await makePolicyLender([wideTier({ aprNewBps: 650, aprUsedBps: 850 })]);
    const usedOnly = await makePolicyLender([wideTier({ aprNewBps: 100, aprUsedBps: 900 })], { policyNew: false });
    const aprFor = async (condition: "NEW" | "USED" | "CERTIFIED") => {
      const { quote } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [lender.id, usedOnly.id], request: { condition: "ANY", termMonths: 60 }, quote: { condition } });
      await preApproveQuote(quote.id);
      return Object.fromEntries((await rowsFor(quote.id)).map((r) => [r.lenderId === lender.id ? "lender" : "usedOnly", r.aprBps]));
    };
    // A new car (a 2025 with 12 miles) gets the new-car rate; a lender that finances only used cars is not asked.
    expect(await aprFor("NEW")).toEqual({ lender: 650 });
    expect(await aprFor("USED")).toEqual({ lender: 850, usedOnly: 900 });
    // Certified pre-owned is financed and priced as used.
    expect(await aprFor("CERTIFIED")).toEqual({ lender: 850, usedOnly: 900 });
  });

  it("does nothing without a valid credit grant, or with a revoked one", async () => {
    const buyer = await makeBuyerWithCredit(750);
    const lender = await makePolicyLender([wideTier()]);
    const none = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [lender.id], grant: false });
    expect(await preApproveQuote(none.quote.id)).toEqual({ requested: 0 });
    const revoked = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [lender.id] });
    await db.consentGrant.update({ where: { id: revoked.grantId! }, data: { revokedAt: new Date() } });
    expect(await preApproveQuote(revoked.quote.id)).toEqual({ requested: 0 });
    expect(await db.preApproval.count({ where: { quoteId: { in: [none.quote.id, revoked.quote.id] } } })).toBe(0);
  });

  it("only asks lenders the buyer allowed, whose policy covers the amount and the vehicle, at most five", async () => {
    const buyer = await makeBuyerWithCredit(700);
    const fits = await Promise.all(Array.from({ length: 6 }, (_, i) => makePolicyLender([wideTier({ aprNewBps: 500 + i })])));
    const tooSmall = await makePolicyLender([wideTier({ maxAmountCents: 500_000 })]);
    const noTrucks = await makePolicyLender([wideTier()], { policyBodyTypes: ["SEDAN"] });
    const unverified = await makePolicyLender([wideTier()], { verified: false });
    const notAllowed = await makePolicyLender([wideTier({ aprNewBps: 100 })]);
    const { quote } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [...fits, tooSmall, noTrucks, unverified].map((l) => l.id), request: { bodyType: "TRUCK", condition: "NEW" } });
    await preApproveQuote(quote.id);
    const asked = (await rowsFor(quote.id)).map((r) => r.lenderId).sort();
    // The five cheapest of the six that fit.
    expect(asked).toEqual(fits.slice(0, 5).map((l) => l.id).sort());
    expect(asked).not.toContain(notAllowed.id);
  });

  it("re-requests every lender on a revision, and cancels pending ones when the quote closes", async () => {
    const buyer = await makeBuyerWithCredit(760);
    const auto = await makePolicyLender([wideTier()]);
    const apiOnly = await makeLender({ policyActive: false, webhookUrl: "https://hooks.example.com/k" });
    const { quote } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [auto.id, apiOnly.id], request: { condition: "NEW" } });
    await preApproveQuote(quote.id);
    const before = await rowsFor(quote.id);
    const apiRow = before.find((r) => r.lenderId === apiOnly.id)!;
    await db.$transaction((tx) => recordDecision(tx, { preApprovalId: apiRow.id, lenderId: apiOnly.id, source: "API", decision: { decision: "approved", decisionVersion: 3, quoteVersion: 1, aprBps: 700, termMonths: 60, maxAmountCents: 5_000_000 } }));

    await db.quote.update({ where: { id: quote.id }, data: { version: 2, amountFinancedCents: quote.amountFinancedCents + 200_000 } });
    await preApproveQuote(quote.id);
    const after = await rowsFor(quote.id);
    expect(after.find((r) => r.lenderId === auto.id)).toMatchObject({ status: "APPROVED", quoteVersion: 2, amountCents: quote.amountFinancedCents + 200_000, decisionVersion: 1 });
    expect(after.find((r) => r.lenderId === apiOnly.id)).toMatchObject({ status: "PENDING", quoteVersion: 2, decisionVersion: 0, aprBps: null });
    const types = (await db.webhookDelivery.findMany({ where: { lenderId: apiOnly.id }, select: { eventType: true }, orderBy: { createdAt: "asc" } })).map((e) => e.eventType);
    expect(types).toEqual(["pre_approval.requested", "pre_approval.requested", "quote.revised"]);

    // A late answer about the old quote version cannot land on the new amount.
    await expect(
      db.$transaction((tx) => recordDecision(tx, { preApprovalId: apiRow.id, lenderId: apiOnly.id, source: "API", decision: { decision: "approved", decisionVersion: 4, quoteVersion: 1, aprBps: 700, termMonths: 60, maxAmountCents: 5_000_000 } })),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    // The quote closes: the pending request and the decided approval are both cancelled; the approval
    // keeps its offer figures as the record.
    expect(await cancelQuotePreApprovals(quote.id)).toEqual({ cancelled: 2 });
    expect((await rowsFor(quote.id)).find((r) => r.lenderId === apiOnly.id)!.status).toBe("CANCELLED");
    expect(await db.webhookDelivery.count({ where: { lenderId: apiOnly.id, eventType: "pre_approval.cancelled" } })).toBe(1);
    expect((await rowsFor(quote.id)).find((r) => r.lenderId === auto.id)).toMatchObject({ status: "CANCELLED", aprBps: expect.any(Number) });
    expect(await cancelQuotePreApprovals(quote.id)).toEqual({ cancelled: 0 });
  });

  it("a sweep stores pending requests past their expiry as expired, and leaves the rest", async () => {
    const buyer = await makeBuyerWithCredit(700);
    const [late, onTime] = [await makeLender({ policyActive: false }), await makeLender({ policyActive: false })];
    const approver = await makePolicyLender([wideTier()]);
    const { quote } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [late.id, onTime.id, approver.id] });
    await preApproveQuote(quote.id);
    await db.preApproval.updateMany({ where: { quoteId: quote.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await db.preApproval.updateMany({ where: { quoteId: quote.id, lenderId: onTime.id }, data: { expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await expirePreApprovals()).toBeGreaterThanOrEqual(1);
    const status = async (lenderId: string) => (await db.preApproval.findFirstOrThrow({ where: { quoteId: quote.id, lenderId }, select: { status: true } })).status;
    expect(await status(late.id)).toBe("EXPIRED");
    expect(await status(onTime.id)).toBe("PENDING");
    expect(await status(approver.id)).toBe("APPROVED"); // decided before it lapsed: a decision stands
    expect(jobsById().get(expirePreApprovalsJob.id)?.everyMs).toBe(15 * 60 * 1000);
  });

  it("orders decisions by version, never by arrival", async () => {
    const buyer = await makeBuyerWithCredit(700);
    const lender = await makeLender({ policyActive: false });
    const { quote } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [lender.id] });
    await preApproveQuote(quote.id);
    const [row] = await rowsFor(quote.id);
    const decide = (decisionVersion: number, aprBps: number) =>
      db.$transaction((tx) => recordDecision(tx, { preApprovalId: row!.id, lenderId: lender.id, source: "API", decision: { decision: "approved", decisionVersion, quoteVersion: 1, aprBps, termMonths: 48, maxAmountCents: 6_000_000 } }));
    expect((await decide(2, 720)).applied).toBe(true);
    const late = await decide(1, 999); // version 1 arrives after version 2
    expect(late.applied).toBe(false);
    expect(late.row.aprBps).toBe(720);
    expect((await decide(2, 111)).applied).toBe(false); // same version twice: first one stands
    const declined = await db.$transaction((tx) => recordDecision(tx, { preApprovalId: row!.id, lenderId: lender.id, source: "API", decision: { decision: "declined", decisionVersion: 5, quoteVersion: 1, reasons: ["Insufficient credit history"], creditScoreUsed: 702, creditScoreSource: "Experian" } }));
    expect(declined.row).toMatchObject({ status: "DECLINED", aprBps: null, reasons: ["Insufficient credit history"] });
    expect(await db.adverseActionNotice.findUnique({ where: { preApprovalId: row!.id }, select: { scoreUsed: true, scoreSource: true } })).toEqual({ scoreUsed: 702, scoreSource: "Experian" });
  });
});
