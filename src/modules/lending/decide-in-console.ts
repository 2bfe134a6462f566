// An underwriter's decision by hand in the lender console, after reviewing the request
// (review-pre-approval.ts).
import { db } from "~/server/db";
import { conflict, notFound } from "~/server/errors";
import { creditSourceLabel } from "~/modules/lending/credit-tiers";
import { readApplicant } from "~/modules/lending/read-applicant";
import { recordDecision } from "~/modules/lending/record-decision";
import type { ConsoleDecisionInput, DecisionInput } from "~/modules/lending/schemas";

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
