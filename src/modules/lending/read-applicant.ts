// What a lender may see of the applicant behind one of its pre-approvals: credit and, if shared, income.
// Used by the REST API and by the console, so both read through the consent check the same way.
import type { CreditSource, CreditTier } from "~/generated/prisma/enums";
import type { Tx } from "~/server/db";
import { AppError } from "~/server/errors";
import { readCustomerData } from "~/modules/consent/read-customer-data";

export type Applicant = {
  credit?: { score: number | null; tier: CreditTier | null; source: CreditSource | null };
  income?: { annualIncomeCents: number | null; housingCostCents: number | null };
};

/**
 * One logged read of "credit, and income if the grant covers it". No valid grant (never given, revoked,
 * expired) gives an empty applicant rather than an error: the lender still sees the quote it decides on.
 */
export async function readApplicant(
  tx: Tx,
  input: { lender: { id: string; name: string }; customerId: string; requestId: string; channel: "api" | "ui"; purpose: string },
): Promise<Applicant> {
  try {
    const data = await readCustomerData(
      {
        reader: { type: "LENDER", id: input.lender.id, label: input.lender.name },
        customerId: input.customerId,
        fields: ["CREDIT", "INCOME"],
        partial: true,
        purpose: input.purpose,
        requestId: input.requestId,
        channel: input.channel,
      },
      tx,
    );
    return {
      ...(data.credit ? { credit: { score: data.credit.score, tier: data.credit.tier, source: data.credit.source } } : {}),
      ...(data.income ? { income: { annualIncomeCents: data.income.annualIncomeCents, housingCostCents: data.income.housingCostCents } } : {}),
    };
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return {};
    throw e;
  }
}
