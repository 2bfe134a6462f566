import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { monthlyPaymentCents } from "~/modules/lending/amortization";
import { preApproveQuote } from "~/modules/lending/pre-approve-quote";
import { subscribe, topics, type LiveEvent } from "~/server/realtime";
import { callerAs, makeLender } from "../../../test/factories";
import { makeBuyerWithCredit, makeQuotedRequest } from "../../../test/lending-factories";

const stateOf = (id: string) =>
  db.preApproval.findUniqueOrThrow({ where: { id }, select: { status: true, decisionVersion: true, source: true, aprBps: true, termMonths: true, monthlyPaymentCents: true, reasons: true, conditions: true } });

/** A buyer who shared credit and income with one lender that has no policy: its request waits for a person. */
async function pendingForManualLender() {
  const buyer = await makeBuyerWithCredit(702, 8_400_000, 180_000);
  const lender = await makeLender({ policyActive: false, name: "Saguaro Savings" });
  const { quote, request } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [lender.id] });
  await preApproveQuote(quote.id);
  const pa = await db.preApproval.findFirstOrThrow({ where: { quoteId: quote.id, lenderId: lender.id }, select: { id: true, quoteVersion: true, amountCents: true } });
  return { buyer, lender, quote, request, pa, underwriter: await callerAs(lender.ownerId) };
}

describe("deciding a pre-approval by hand in the lender console", () => {
  it("tells the lender's open console, live, when a request is placed with it and when it is decided", async () => {
    const buyer = await makeBuyerWithCredit(702);
    const lender = await makeLender({ policyActive: false });
    const heard: LiveEvent[] = [];
    const off = await subscribe(topics.lender(lender.id), (e) => heard.push(e));
    try {
      const { quote } = await makeQuotedRequest({ customerId: buyer.id, lenderIds: [lender.id] });
      await preApproveQuote(quote.id);
      const pa = await db.preApproval.findFirstOrThrow({ where: { quoteId: quote.id }, select: { id: true, quoteVersion: true } });
      await expect.poll(() => heard.map((e) => [e.type, e.id])).toEqual([["pre_approval.requested", pa.id]]);
      await (await callerAs(lender.ownerId)).lending.decide({ id: pa.id, decision: "declined", quoteVersion: pa.quoteVersion, reasons: ["Insufficient credit history"] });
      await expect.poll(() => heard.map((e) => e.type)).toEqual(["pre_approval.requested", "pre_approval.decided"]);
    } finally {
      off();
    }
  });


  it("shows the applicant through the buyer's grant, logs the view, and approves with the payment computed", async () => {
    const { buyer, lender, request, pa, underwriter } = await pendingForManualLender();
    expect(await stateOf(pa.id)).toMatchObject({ status: "PENDING", decisionVersion: 0 });

    const review = await underwriter.lending.preApproval({ id: pa.id });
    expect(review).toMatchObject({ status: "PENDING", decidable: true, amountCents: pa.amountCents, applicant: { credit: { score: 702 }, income: { annualIncomeCents: 8_400_000, housingCostCents: 180_000 } } });
    expect(JSON.stringify(review)).not.toContain(buyer.id); // the buyer's identity stays out of the console
    const log = await db.accessLog.findMany({ where: { customerId: buyer.id, actorId: lender.id }, select: { channel: true, fields: true, requestId: true } });
    expect(log).toEqual([{ channel: "ui", fields: ["CREDIT", "INCOME"], requestId: request.id }]);

    const done = await underwriter.lending.decide({ id: pa.id, decision: "approved", quoteVersion: pa.quoteVersion, aprBps: 649, termMonths: 60, maxAmountCents: 5_000_000 });
    expect(done).toMatchObject({ status: "APPROVED", decisionVersion: 1 });
    expect(await stateOf(pa.id)).toMatchObject({ status: "APPROVED", source: "CONSOLE", aprBps: 649, termMonths: 60, monthlyPaymentCents: monthlyPaymentCents(Math.min(pa.amountCents, 5_000_000), 649, 60) });
    // The buyer sees the offer on their request.
    const offers = await (await callerAs(buyer.id)).lending.forRequest({ requestId: request.id });
    expect(offers.find((o) => o.id === pa.id)).toMatchObject({ status: "APPROVED", aprBps: 649, lender: { name: "Saguaro Savings" } });

    // Changing the decision later supersedes it with the next version.
    await underwriter.lending.decide({ id: pa.id, decision: "conditional", quoteVersion: pa.quoteVersion, aprBps: 699, termMonths: 60, maxAmountCents: 5_000_000, conditions: ["Proof of income"] });
    expect(await stateOf(pa.id)).toMatchObject({ status: "CONDITIONAL", decisionVersion: 2, conditions: ["Proof of income"] });
  });

  it("declines with an adverse-action notice stating the score read through the grant, not one sent by the form", async () => {
    const { buyer, pa, underwriter } = await pendingForManualLender();
    await underwriter.lending.decide({ id: pa.id, decision: "declined", quoteVersion: pa.quoteVersion, reasons: ["Debt-to-income ratio too high"] });
    const notice = await db.adverseActionNotice.findUniqueOrThrow({ where: { preApprovalId: pa.id }, select: { customerId: true, scoreUsed: true, scoreSource: true, reasons: true } });
    expect(notice).toEqual({ customerId: buyer.id, scoreUsed: 702, scoreSource: "Self-reported by the buyer", reasons: ["Debt-to-income ratio too high"] });
    await expect(underwriter.lending.decide({ id: pa.id, decision: "declined", quoteVersion: pa.quoteVersion, reasons: ["x"], creditScoreUsed: 500 } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("gives another lender the same not-found as a missing id, and changes nothing", async () => {
    const { buyer, pa } = await pendingForManualLender();
    const stranger = await callerAs((await makeLender()).ownerId);
    await expect(stranger.lending.preApproval({ id: pa.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such pre-approval request." });
    await expect(stranger.lending.preApproval({ id: "c000000000000000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such pre-approval request." });
    await expect(stranger.lending.decide({ id: pa.id, decision: "approved", quoteVersion: pa.quoteVersion, aprBps: 100, termMonths: 60, maxAmountCents: 5_000_000 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stateOf(pa.id)).toMatchObject({ status: "PENDING", decisionVersion: 0 });
    expect(await db.accessLog.count({ where: { customerId: buyer.id } })).toBe(0);
  });

  it("refuses bad terms field by field, a revised quote, and a request that was cancelled, changing nothing", async () => {
    const { pa, quote, underwriter } = await pendingForManualLender();
    await expect(underwriter.lending.decide({ id: pa.id, decision: "approved", quoteVersion: pa.quoteVersion, aprBps: 15_000, termMonths: 6, maxAmountCents: 5_000_000 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: expect.arrayContaining([expect.objectContaining({ path: ["aprBps"], message: "The APR cannot exceed 100%." }), expect.objectContaining({ path: ["termMonths"], message: "At least 12 months." })]) },
    });
    await expect(underwriter.lending.decide({ id: pa.id, decision: "conditional", quoteVersion: pa.quoteVersion, aprBps: 600, termMonths: 60, maxAmountCents: 5_000_000, conditions: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await db.quote.update({ where: { id: quote.id }, data: { version: { increment: 1 } } });
    await db.preApproval.update({ where: { id: pa.id }, data: { quoteVersion: { increment: 1 } } });
    await expect(underwriter.lending.decide({ id: pa.id, decision: "approved", quoteVersion: pa.quoteVersion, aprBps: 600, termMonths: 60, maxAmountCents: 5_000_000 })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/revised the quote/) });

    await db.preApproval.update({ where: { id: pa.id }, data: { status: "CANCELLED" } });
    expect(await underwriter.lending.preApproval({ id: pa.id })).toMatchObject({ status: "CANCELLED", decidable: false, applicant: {} });
    await expect(underwriter.lending.decide({ id: pa.id, decision: "approved", quoteVersion: pa.quoteVersion + 1, aprBps: 600, termMonths: 60, maxAmountCents: 5_000_000 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await stateOf(pa.id)).toMatchObject({ status: "CANCELLED", decisionVersion: 0, aprBps: null });
  });

  it("lets exactly one of two underwriters deciding at once land; the other is told", async () => {
    const { pa, lender, underwriter } = await pendingForManualLender();
    const colleague = await db.user.create({
      data: { email: `uw-${pa.id}@test.keyturn`, name: "Second underwriter", passwordHash: "x", role: "LENDER", membership: { create: { lenderId: lender.id, role: "STAFF" } } },
      select: { id: true },
    });
    const other = await callerAs(colleague.id);
    const results = await Promise.allSettled([
      underwriter.lending.decide({ id: pa.id, decision: "approved", quoteVersion: pa.quoteVersion, aprBps: 600, termMonths: 60, maxAmountCents: 5_000_000 }),
      other.lending.decide({ id: pa.id, decision: "declined", quoteVersion: pa.quoteVersion, reasons: ["Insufficient credit history"] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "CONFLICT" });
    expect((await stateOf(pa.id)).decisionVersion).toBe(1);
  });
});
