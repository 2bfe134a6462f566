import { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/server/db";
import { conflict, notFound } from "~/server/errors";
import { publishMany, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";
import { amountLentCents, monthlyPaymentCents } from "~/modules/lending/amortization";
import type { DecisionInput } from "~/modules/lending/schemas";
import { lenderPreApprovalSelect, type LenderPreApprovalRow } from "~/modules/lender-api/serialize";

export type DecisionSourceName = "AUTO_POLICY" | "API" | "CONSOLE";

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
  const offer = offerOf(d);

  // The hot path of the lender API: one read and one conditional UPDATE … RETURNING, as raw SQL
  // (tagged templates), because each ORM round trip costs more than the statement itself.
  const found = await tx.$queryRaw<{ amountCents: number; quoteVersion: number; status: string; expiresAt: Date; customerId: string; lenderName: string }[]>`
    SELECT p."amountCents", p."quoteVersion", p."status"::text AS "status", p."expiresAt", r."customerId", l."name" AS "lenderName"
    FROM "PreApproval" p JOIN "Request" r ON r."id" = p."requestId" JOIN "Lender" l ON l."id" = p."lenderId"
    WHERE p."id" = ${input.preApprovalId} AND p."lenderId" = ${input.lenderId}`;
  const current = found[0];
  if (!current) throw notFound("No such pre-approval request.");
  if (d.quoteVersion !== current.quoteVersion) {
    throw conflict(`The quote was revised: decide on quote_version ${current.quoteVersion} (you sent ${d.quoteVersion}).`);
  }
  if (current.status === "CANCELLED") throw conflict("This pre-approval request was cancelled.");
  if (current.expiresAt <= now) throw conflict("This pre-approval request has expired.");
  const priced = withPayment(offer, current.amountCents);

  const updated = await tx.$queryRaw<RawRow[]>`${decisionUpdate(input.preApprovalId, input.lenderId, d, priced, input.source, now)}
    RETURNING "id", "status"::text AS "status", "requestId", "quoteId", "quoteVersion", "amountCents", "decisionVersion", "aprBps", "termMonths",
      "maxAmountCents", "monthlyPaymentCents", "conditions", "reasons", "source"::text AS "source", "decidedAt", "expiresAt", "createdAt"`;
  if (updated.length === 0) {
    // A decision with this version or a newer one is already recorded: report what stands.
    const row = await tx.preApproval.findUniqueOrThrow({ where: { id: input.preApprovalId }, select: lenderPreApprovalSelect });
    return { applied: false, row };
  }
  const row = updated[0] as unknown as LenderPreApprovalRow;

  if (d.decision === "declined") {
    const score =
      input.score ?? (d.creditScoreUsed ? { value: d.creditScoreUsed, source: d.creditScoreSource ?? "Not stated by the lender" } : { value: null, source: d.creditScoreSource ?? "Not stated by the lender" });
    const notice = await tx.adverseActionNotice.upsert({
      where: { preApprovalId: row.id },
      create: { preApprovalId: row.id, customerId: current.customerId, lenderId: input.lenderId, reasons: d.reasons, scoreUsed: score.value, scoreSource: score.source },
      update: { reasons: d.reasons, scoreUsed: score.value, scoreSource: score.source, createdAt: now },
      select: { id: true },
    });
    await notify(tx, {
      userId: current.customerId,
      kind: "adverse_action",
      title: `${current.lenderName} declined to pre-approve financing`,
      body: `Reasons: ${d.reasons.join("; ")}. Read your notice for your rights, including a free credit report.`,
      link: `/customer/notices/${notice.id}`,
    });
  }
  await publishMany(
    [
      { topic: topics.request(row.requestId), type: "pre_approval.updated", id: row.id },
      { topic: topics.lender(input.lenderId), type: "pre_approval.decided", id: row.id },
    ],
    tx,
  );
  return { applied: true, row };
}

export type Offer = { aprBps: number | null; termMonths: number | null; maxAmountCents: number | null; monthlyPaymentCents: number | null; conditions: string[]; reasons: string[] };

export function offerOf(d: DecisionInput): Offer {
  return d.decision === "declined"
    ? { aprBps: null, termMonths: null, maxAmountCents: null, monthlyPaymentCents: null, conditions: [], reasons: d.reasons }
    : { aprBps: d.aprBps, termMonths: d.termMonths, maxAmountCents: d.maxAmountCents, monthlyPaymentCents: null, conditions: d.decision === "conditional" ? d.conditions : [], reasons: [] };
}

/** The payment for what the lender will actually lend: the amount asked, capped by its max amount. */
export function withPayment(offer: Offer, amountCents: number): Offer {
  if (offer.aprBps === null || offer.termMonths === null) return offer;
  return { ...offer, monthlyPaymentCents: monthlyPaymentCents(amountLentCents(amountCents, offer.maxAmountCents), offer.aprBps, offer.termMonths) };
}

/**
 * The one conditional UPDATE that records a decision: only on the quote version it answers, only if its
 * decisionVersion is newer than the stored one, never on a cancelled or expired request. Callers add
 * RETURNING or wrap it in a CTE.
 */
export function decisionUpdate(preApprovalId: string, lenderId: string, d: DecisionInput, offer: Offer, source: DecisionSourceName, now: Date) {
  return Prisma.sql`
    UPDATE "PreApproval" SET
      "status" = ${statusOf(d.decision)}::"PreApprovalStatus", "decisionVersion" = ${d.decisionVersion}, "source" = ${source}::"DecisionSource",
      "decidedAt" = ${now}, "updatedAt" = ${now}, "aprBps" = ${offer.aprBps}, "termMonths" = ${offer.termMonths},
      "maxAmountCents" = ${offer.maxAmountCents}, "monthlyPaymentCents" = ${offer.monthlyPaymentCents},
      "conditions" = ${offer.conditions}::text[], "reasons" = ${offer.reasons}::text[]
    WHERE "id" = ${preApprovalId} AND "lenderId" = ${lenderId} AND "quoteVersion" = ${d.quoteVersion}
      AND "decisionVersion" < ${d.decisionVersion} AND "status" NOT IN ('CANCELLED', 'EXPIRED') AND "expiresAt" > ${now}`;
}

type RawRow = Omit<LenderPreApprovalRow, "status" | "source"> & { status: string; source: string | null };

export const statusOf = (d: DecisionInput["decision"]) => (d === "approved" ? "APPROVED" : d === "conditional" ? "CONDITIONAL" : "DECLINED") as "APPROVED" | "CONDITIONAL" | "DECLINED";
