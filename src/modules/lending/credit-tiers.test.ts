import { describe, expect, it } from "vitest";
import { CREDIT_TIERS, tierForScore } from "~/modules/lending/credit-tiers";

describe("credit tiers", () => {
  it("maps band edges to the right tier", () => {
    expect(tierForScore(850)).toBe("SUPER_PRIME");
    expect(tierForScore(781)).toBe("SUPER_PRIME");
    expect(tierForScore(780)).toBe("PRIME");
    expect(tierForScore(661)).toBe("PRIME");
    expect(tierForScore(660)).toBe("NEAR_PRIME");
    expect(tierForScore(600)).toBe("SUBPRIME");
    expect(tierForScore(500)).toBe("DEEP_SUBPRIME");
    expect(tierForScore(300)).toBe("DEEP_SUBPRIME");
  });

  it("covers 300–850 with no gaps or overlaps", () => {
    for (let s = 300; s <= 850; s++) {
      expect(CREDIT_TIERS.filter((t) => s >= t.minScore && s <= t.maxScore)).toHaveLength(1);
    }
  });

  it("prices riskier tiers higher, and used above new", () => {
    for (let i = 1; i < CREDIT_TIERS.length; i++) {
      expect(CREDIT_TIERS[i]!.aprNewBps).toBeGreaterThan(CREDIT_TIERS[i - 1]!.aprNewBps);
    }
    for (const t of CREDIT_TIERS) expect(t.aprUsedBps).toBeGreaterThan(t.aprNewBps);
  });
});
