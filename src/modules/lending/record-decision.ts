import type { Tx } from "~/server/db";
import { conflict, notFound } from "~/server/errors";
import { publish, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";
import { monthlyPaymentCents } from "~/modules/lending/amortization";
import type { DecisionInput } from "~/modules/lending/schemas";
import { lenderPreApprovalSelect, type LenderPreApprovalRow } from "~/modules/lending/serialize";

export type DecisionSourceName = "AUTO_POLICY" | "API";

/**
 * Records a lender's decision on one of ITS pre-approvals. Ordering is by the lender's decisionVersion,
 * enforced in one conditional UPDATE (no read-then-write race): a version at or below the stored one
 * changes nothing and reports applied=false. A decision on an outdated quote version is a conflict,
 * so an answer about the old amount never lands on the revised one.
 */
export async function recordDecision(
  tx: Tx,
  input: { preApprovalId: string; lenderId: string; decision: DecisionInput; source: DecisionSourceName; score?: { value: number | null; source: string } },
): Promise<{ applied: boolean; row: LenderPreApprovalRow }> {
  const d = input.decision;
  const now = new Date();
  const offer =
    d.decision === "declined"
      ? { aprBps: null, termMonths: null, maxAmountCents: null, monthlyPaymentCents: null, conditions: [], reasons: d.reasons }
      : {
          aprBps: d.aprBps,
          termMonths: d.termMonths,
          maxAmountCents: d.maxAmountCents,
          conditions: d.decision === "conditional" ? d.conditions : [],
          reasons: [],
          monthlyPaymentCents: null as number | null,
        };

  const current = await tx.preApproval.findFirst({
    where: { id: input.preApprovalId, lenderId: input.lenderId },
    select: { amountCents: true, quoteVersion: true, status: true, expiresAt: true },
  });
  if (!current) throw notFound("No such pre-approval request.");
  if (d.quoteVersion !== current.quoteVersion) {
    throw conflict(`The quote was revised: decide on quote_version ${current.quoteVersion} (you sent ${d.quoteVersion}).`);
  }
  if (current.status === "CANCELLED") throw conflict("This pre-approval request was cancelled.");
  if (current.expiresAt <= now) throw conflict("This pre-approval request has expired.");
  if (offer.aprBps !== null && offer.termMonths !== null) {
    offer.monthlyPaymentCents = monthlyPaymentCents(Math.min(current.amountCents, offer.maxAmountCents ?? current.amountCents), offer.aprBps, offer.termMonths);
  }

  const updated = await tx.preApproval.updateMany({
    where: {
      id: input.preApprovalId,
      lenderId: input.lenderId,
      quoteVersion: d.quoteVersion,
      decisionVersion: { lt: d.decisionVersion },
      status: { notIn: ["CANCELLED", "EXPIRED"] },
    },
    data: { status: statusOf(d.decision), decisionVersion: d.decisionVersion, source: input.source, decidedAt: now, ...offer },
  });
  const row = await tx.preApproval.findUniqueOrThrow({
    where: { id: input.preApprovalId },
    select: { ...lenderPreApprovalSelect, request: { select: { customerId: true } }, lender: { select: { name: true } } },
  });
  const { request, lender, ...pub } = row;
  if (updated.count === 0) return { applied: false, row: pub };

  if (d.decision === "declined") {
    const score =
      input.score ?? (d.creditScoreUsed ? { value: d.creditScoreUsed, source: d.creditScoreSource ?? "Not stated by the lender" } : { value: null, source: d.creditScoreSource ?? "Not stated by the lender" });
    const notice = await tx.adverseActionNotice.upsert({
      where: { preApprovalId: row.id },
      create: { preApprovalId: row.id, customerId: request.customerId, lenderId: input.lenderId, reasons: d.reasons, scoreUsed: score.value, scoreSource: score.source },
      update: { reasons: d.reasons, scoreUsed: score.value, scoreSource: score.source, createdAt: now },
      select: { id: true },
    });
    await notify(tx, {
      userId: request.customerId,
      kind: "adverse_action",
      title: `${lender.name} declined to pre-approve financing`,
      body: `Reasons: ${d.reasons.join("; ")}. Read your notice for your rights, including a free credit report.`,
      link: `/customer/notices/${notice.id}`,
    });
  }
  await publish({ topic: topics.request(row.requestId), type: "pre_approval.updated", id: row.id }, tx);
  return { applied: true, row: pub };
}

const statusOf = (d: DecisionInput["decision"]) => (d === "approved" ? "APPROVED" : d === "conditional" ? "CONDITIONAL" : "DECLINED") as "APPROVED" | "CONDITIONAL" | "DECLINED";
