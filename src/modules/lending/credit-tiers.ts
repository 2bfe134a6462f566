import type { CreditSource, CreditTier } from "~/generated/prisma/enums";

/**
 * Score bands and average APRs by tier (Experian, Q2 2024, new / used), in basis points.
 * The sandbox lender policies and the demo data start from these.
 */
export const CREDIT_TIERS: { tier: CreditTier; label: string; minScore: number; maxScore: number; aprNewBps: number; aprUsedBps: number }[] = [
  { tier: "SUPER_PRIME", label: "Super-prime (781–850)", minScore: 781, maxScore: 850, aprNewBps: 525, aprUsedBps: 713 },
  { tier: "PRIME", label: "Prime (661–780)", minScore: 661, maxScore: 780, aprNewBps: 687, aprUsedBps: 936 },
  { tier: "NEAR_PRIME", label: "Near-prime (601–660)", minScore: 601, maxScore: 660, aprNewBps: 983, aprUsedBps: 1392 },
  { tier: "SUBPRIME", label: "Subprime (501–600)", minScore: 501, maxScore: 600, aprNewBps: 1318, aprUsedBps: 1886 },
  { tier: "DEEP_SUBPRIME", label: "Deep subprime (300–500)", minScore: 300, maxScore: 500, aprNewBps: 1577, aprUsedBps: 2155 },
];

export function tierForScore(score: number): CreditTier {
  const t = CREDIT_TIERS.find((x) => score >= x.minScore && score <= x.maxScore);
  return t ? t.tier : score > 850 ? "SUPER_PRIME" : "DEEP_SUBPRIME";
}

export function tierLabel(tier: CreditTier): string {
  return CREDIT_TIERS.find((x) => x.tier === tier)!.label;
}

/** Where a score came from, as adverse-action notices and the lender console name it. */
export const creditSourceLabel = (source: CreditSource | null | undefined) =>
  source === "BUREAU" ? "Credit bureau (soft pull)" : source === "SELF_REPORTED" ? "Self-reported by the buyer" : "Not available";
