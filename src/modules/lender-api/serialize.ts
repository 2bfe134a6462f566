import type { Prisma } from "~/generated/prisma/client";

/** What a lender may see of its own pre-approval rows (never another lender's, never the buyer's identity). */
export const lenderPreApprovalSelect = {
  id: true,
  status: true,
  requestId: true,
  quoteId: true,
  quoteVersion: true,
  amountCents: true,
  decisionVersion: true,
  aprBps: true,
  termMonths: true,
  maxAmountCents: true,
  monthlyPaymentCents: true,
  conditions: true,
  reasons: true,
  source: true,
  decidedAt: true,
  expiresAt: true,
  createdAt: true,
} satisfies Prisma.PreApprovalSelect;

export type LenderPreApprovalRow = Prisma.PreApprovalGetPayload<{ select: typeof lenderPreApprovalSelect }>;

/** A pending request past its expiry reads as expired, even before a sweep rewrites the row. */
export function effectiveStatus(row: Pick<LenderPreApprovalRow, "status" | "expiresAt">, now = new Date()) {
  return row.status === "PENDING" && row.expiresAt <= now ? "EXPIRED" : row.status;
}

export function toApiPreApproval(row: LenderPreApprovalRow) {
  return {
    id: row.id,
    object: "pre_approval" as const,
    status: effectiveStatus(row).toLowerCase() as "pending" | "approved" | "conditional" | "declined" | "expired" | "cancelled",
    request_id: row.requestId,
    quote_id: row.quoteId,
    quote_version: row.quoteVersion,
    amount_cents: row.amountCents,
    decision_version: row.decisionVersion,
    apr_bps: row.aprBps,
    term_months: row.termMonths,
    max_amount_cents: row.maxAmountCents,
    monthly_payment_cents: row.monthlyPaymentCents,
    conditions: row.conditions,
    reasons: row.reasons,
    source: row.source ? (row.source.toLowerCase() as "auto_policy" | "api" | "console") : null,
    decided_at: row.decidedAt?.toISOString() ?? null,
    expires_at: row.expiresAt.toISOString(),
    created_at: row.createdAt.toISOString(),
  };
}
