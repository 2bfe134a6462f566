// An underwriter reviews and decides a pre-approval by hand in the lender console: for lenders without
// an API integration, and for requests their auto-decision policy left to a person.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { conflict, notFound } from "~/server/errors";
import { readApplicant, creditSourceLabel, type Applicant } from "~/modules/lending/read-applicant";
import { recordDecision } from "~/modules/lending/record-decision";
import type { ConsoleDecisionInput, DecisionInput } from "~/modules/lending/schemas";
import { effectiveStatus, lenderPreApprovalSelect } from "~/modules/lending/serialize";

const reviewSelect = {
  ...lenderPreApprovalSelect,
  lender: { select: { id: true, name: true } },
  quote: { select: { year: true, make: true, model: true, trim: true, mileage: true, vin: true, otdCents: true } },
  request: { select: { customerId: true, condition: true, bodyType: true, downPaymentCents: true, termMonths: true, city: true, state: true } },
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
    return { ...rest, status, request: vehicleAsk, decidable, applicant };
  });
}

/**
 * Records the underwriter's decision as the next version after the one that stands, so it supersedes an
 * earlier policy or API answer. Two people deciding at once both aim at the same version; the ordered
 * UPDATE lets one land and the other is told, rather than silently overwriting it.
 */
export async function decideInConsole(lenderId: string, input: ConsoleDecisionInput) {
  return db.$transaction(async (tx) => {
    const cur = await tx.preApproval.findFirst({
      where: { id: input.id, lenderId },
      select: { decisionVersion: true, quoteVersion: true, requestId: true, lender: { select: { id: true, name: true } }, request: { select: { customerId: true } } },
    });
    if (!cur) throw notFound("No such pre-approval request.");
    if (cur.quoteVersion !== input.quoteVersion) throw conflict("The dealer revised the quote while you were reviewing it. Reload to decide on the new amount.");
    const { id, ...decided } = input;
    const decision = { ...decided, decisionVersion: cur.decisionVersion + 1 } as DecisionInput;
    // A decline names the score used and its source on the buyer's adverse-action notice: read it now,
    // through the grant, rather than trusting a figure sent by the browser.
    let score: { value: number | null; source: string } | undefined;
    if (decision.decision === "declined") {
      const a = await readApplicant(tx, { lender: cur.lender, customerId: cur.request.customerId, requestId: cur.requestId, channel: "ui", purpose: "Stating the score on a declined pre-approval's notice" });
      score = { value: a.credit?.score ?? null, source: creditSourceLabel(a.credit?.source) };
    }
    const { applied, row } = await recordDecision(tx, { preApprovalId: id, lenderId, decision, source: "CONSOLE", score });
    if (!applied) throw conflict("Someone else decided this request while you were reviewing it. Reload to see the decision that stands.");
    return row;
  });
}
