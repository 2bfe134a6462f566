// Builders for lending tests: a buyer with a credit profile, a quote on their request, a credit grant,
// and lenders with auto-decision tables.
import { db } from "~/server/db";
import { sealInt } from "~/server/crypto";
import { tierForScore } from "~/modules/lending/credit-tiers";
import { makeCustomer, makeDealer, makeLender } from "./factories";
import { makeQuote, makeRequest } from "./marketplace-factories";
import type { Prisma } from "~/generated/prisma/client";

export async function makeBuyerWithCredit(score: number, annualIncomeCents = 9_000_000, housingCostCents = 150_000) {
  return makeCustomer({
    creditScoreEnc: sealInt(score),
    creditTier: tierForScore(score),
    creditSource: "SELF_REPORTED",
    annualIncomeEnc: sealInt(annualIncomeCents),
    housingCostEnc: sealInt(housingCostCents),
  });
}

/** One tier covering every score, so only the other knobs decide. */
export const wideTier = (over: Partial<Prisma.LenderPolicyTierCreateWithoutLenderInput> = {}) => ({
  minScore: 300, maxScore: 850, aprNewBps: 600, aprUsedBps: 800, maxTermMonths: 72, maxAmountCents: 10_000_000, maxPtiBps: 2000, ...over,
});

export async function makePolicyLender(tiers: Prisma.LenderPolicyTierCreateWithoutLenderInput[], over: Partial<Prisma.LenderCreateInput> = {}) {
  return makeLender({ tiers: { create: tiers }, ...over });
}

/** A buyer's open request with a quote on it, and (unless grant=false) a credit grant to the given lenders. */
export async function makeQuotedRequest(opts: { customerId: string; lenderIds?: string[]; grant?: boolean; request?: Partial<Prisma.RequestUncheckedCreateInput>; quote?: Partial<Prisma.QuoteUncheckedCreateInput> }) {
  const request = await makeRequest(opts.customerId, { creditTier: null, ...opts.request });
  const dealer = await makeDealer();
  // The car matches what the request asked for unless a test says otherwise.
  const condition = opts.request?.condition === "USED" ? "USED" : "NEW";
  const quote = await makeQuote(request.id, dealer.id, { condition, ...opts.quote });
  let grantId: string | null = null;
  if (opts.grant !== false) {
    const g = await db.consentGrant.create({
      data: {
        customerId: opts.customerId,
        granteeType: opts.lenderIds ? "LENDERS" : "ALL_LENDERS",
        lenderIds: opts.lenderIds ?? [],
        fields: ["CREDIT", "INCOME"],
        purpose: `Pre-approval for request ${request.id}`,
        requestId: request.id,
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
      },
      select: { id: true },
    });
    grantId = g.id;
  }
  return { request, quote, dealer, grantId };
}
