import type { CreditTier } from "~/generated/prisma/enums";

const short: Record<CreditTier, string> = {
  SUPER_PRIME: "Super-prime (781+)", PRIME: "Prime (661–780)", NEAR_PRIME: "Near-prime (601–660)", SUBPRIME: "Subprime (501–600)", DEEP_SUBPRIME: "Deep subprime (≤500)",
};

/** The coarse band a dealer sees; the score itself never reaches a dealer. */
export function tierShort(tier: CreditTier | null | undefined): string {
  return tier ? short[tier] : "Not stated";
}
