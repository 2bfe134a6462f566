// An underwriter opens one of the lender's pre-approvals in the console, to decide it by hand
// (decide-in-console.ts): for lenders without an API integration, and for requests their policy left.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import { readApplicant, type Applicant } from "~/modules/lending/read-applicant";
import { closedReason } from "~/modules/lending/closed-reason";
import { effectiveStatus, lenderPreApprovalSelect } from "~/modules/lender-api/serialize";

const reviewSelect = {
  ...lenderPreApprovalSelect,
  lender: { select: { id: true, name: true } },
  quote: { select: { year: true, make: true, model: true, trim: true, condition: true, mileage: true, vin: true, otdCents: true, status: true, version: true } },
  request: { select: { customerId: true, status: true, bodyType: true, downPaymentCents: true, termMonths: true, city: true, state: true } },
} satisfies Prisma.PreApprovalSelect;

/**
 * One of the lender's own pre-approvals, with the applicant's credit and income while a decision can
 * still be made or changed. That read goes through the buyer's grant and shows on their "Who saw my
 * data" as someone at the lender viewing it. Another lender's id reads as missing.
 */
export async function reviewPreApproval(lenderId: string, id: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.preApproval.findFirst({ where: { id, lenderId }, select: reviewSelect });
    if (!row) throw notFound("No such pre-approval request.");
    const { lender, request, ...rest } = row;
    const { customerId, ...vehicleAsk } = request;
    const status = effectiveStatus(row);
    const decidable = status !== "CANCELLED" && status !== "EXPIRED";
    const applicant: Applicant = decidable
      ? await readApplicant(tx, { lender, customerId, requestId: row.requestId, channel: "ui", purpose: `Pre-approval review of request ${row.requestId} (console)` })
      : {};
    const closed = decidable ? null : closedReason({ status, quoteVersion: row.quoteVersion, quote: row.quote, request });
    return { ...rest, status, request: vehicleAsk, decidable, closedReason: closed, applicant };
  });
}
