import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decideByPolicy, type Applicant, type Policy } from "~/modules/lending/policy";
import { monthlyPaymentCents } from "~/modules/lending/amortization";

const policy: Policy = {
  active: true,
  bodyTypes: ["SEDAN", "SUV"],
  allowNew: true,
  allowUsed: false,
  tiers: [
    { minScore: 781, maxScore: 850, aprNewBps: 525, aprUsedBps: 713, maxTermMonths: 72, maxAmountCents: 8_000_000, maxPtiBps: 1500 },
    { minScore: 661, maxScore: 780, aprNewBps: 687, aprUsedBps: 936, maxTermMonths: 60, maxAmountCents: 5_000_000, maxPtiBps: 1500 },
  ],
};
const ava: Applicant = { score: 792, tier: "SUPER_PRIME", annualIncomeCents: 11_800_000, housingCostCents: 190_000, amountCents: 3_000_000, condition: "NEW", bodyType: "SUV" };

describe("decideByPolicy", () => {
  it("approves within the tier with the tier's new-car APR and the payment for that amount", () => {
    const d = decideByPolicy(policy, ava);
    expect(d).toEqual({ outcome: "approved", aprBps: 525, termMonths: 72, maxAmountCents: 8_000_000, monthlyPaymentCents: monthlyPaymentCents(3_000_000, 525, 72) });
  });

  it("caps the buyer's term at the tier's max term", () => {
    expect(decideByPolicy(policy, { ...ava, score: 700, tier: "PRIME", termMonths: 84 })).toMatchObject({ outcome: "approved", termMonths: 60, aprBps: 687 });
    expect(decideByPolicy(policy, { ...ava, termMonths: 48 })).toMatchObject({ termMonths: 48 });
  });

  it("declines a score no tier covers", () => {
    expect(decideByPolicy(policy, { ...ava, score: 640, tier: "NEAR_PRIME" })).toEqual({ outcome: "declined", reasons: ["Credit score outside the range this lender finances"] });
  });

  it("declines body types and conditions outside its scope", () => {
    expect(decideByPolicy(policy, { ...ava, bodyType: "TRUCK" })).toMatchObject({ outcome: "declined" });
    expect(decideByPolicy(policy, { ...ava, condition: "USED" })).toMatchObject({ outcome: "declined" });
  });

  it("makes an amount above the tier's max conditional on a smaller amount", () => {
    const d = decideByPolicy(policy, { ...ava, amountCents: 9_000_000 });
    expect(d.outcome).toBe("conditional");
    if (d.outcome === "conditional") {
      expect(d.conditions[0]).toMatch(/reduced to \$80,000/);
      expect(d.monthlyPaymentCents).toBe(monthlyPaymentCents(8_000_000, 525, 72));
    }
  });

  it("checks payment-to-income: slightly over asks for proof, far over declines", () => {
    // $30k at 5.25%/72 ≈ $487/month: 15% PTI at ~$39k income; 17% (within 1.2×) at ~$34.4k.
    expect(decideByPolicy(policy, { ...ava, annualIncomeCents: 3_440_000, housingCostCents: 0 })).toMatchObject({ outcome: "conditional", conditions: ["Proof of income: two recent pay stubs"] });
    const d = decideByPolicy(policy, { ...ava, annualIncomeCents: 2_000_000, housingCostCents: 0 });
    expect(d.outcome).toBe("declined");
    if (d.outcome === "declined") expect(d.reasons[0]).toMatch(/of income; the limit is 15.0%/);
  });

  it("declines when the car plus housing take more than half of income", () => {
    expect(decideByPolicy(policy, { ...ava, housingCostCents: 500_000 })).toEqual({ outcome: "declined", reasons: ["Obligations too high compared with income"] });
  });

  it("declines without income", () => {
    expect(decideByPolicy(policy, { ...ava, annualIncomeCents: 0 })).toMatchObject({ outcome: "declined" });
  });

  it("never throws and always gives reasons or terms, for any applicant", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 850 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom("NEW" as const, "USED" as const, "ANY" as const),
        (score, income, amount, housing, condition) => {
          const d = decideByPolicy({ ...policy, allowUsed: true }, { ...ava, score, annualIncomeCents: income, amountCents: amount, housingCostCents: housing, condition });
          if (d.outcome === "declined") return d.reasons.length > 0;
          return Number.isSafeInteger(d.monthlyPaymentCents) && d.aprBps > 0 && d.termMonths > 0;
        },
      ),
    );
  });
});
