import type { BodyType, Condition, CreditTier, VehicleCondition } from "~/generated/prisma/enums";
import { monthlyPaymentCents } from "~/modules/lending/amortization";

/** One row of a lender's auto-decision table. */
export type PolicyTier = {
  minScore: number;
  maxScore: number;
  aprNewBps: number;
  aprUsedBps: number;
  maxTermMonths: number;
  maxAmountCents: number;
  /** Max monthly payment as a share of gross monthly income, bps (1500 = 15%). */
  maxPtiBps: number;
};

export type Policy = { active: boolean; bodyTypes: BodyType[]; allowNew: boolean; allowUsed: boolean; tiers: PolicyTier[] };

export type Applicant = {
  score: number;
  tier: CreditTier;
  annualIncomeCents: number;
  housingCostCents?: number | null;
  amountCents: number;
  /** The quoted car's condition; a request's "new or used" only before a car is known. */
  condition: Condition | VehicleCondition;
  bodyType: BodyType;
  /** The buyer's preferred term; the lender's max term caps it. */
  termMonths?: number | null;
};

export type Offer = { aprBps: number; termMonths: number; maxAmountCents: number; monthlyPaymentCents: number };
export type PolicyDecision =
  | ({ outcome: "approved" } & Offer)
  | ({ outcome: "conditional"; conditions: string[] } & Offer)
  | { outcome: "declined"; reasons: string[] };

// Above this share of income spent on the car plus housing, no condition makes the loan responsible.
export const MAX_DTI_BPS = 5000;
// Up to this far over the tier's PTI cap, verified income can still carry the loan.
const PTI_CONDITIONAL_SLACK = 1.2;

export const tierForApplicant = (tiers: PolicyTier[], score: number) => tiers.find((t) => score >= t.minScore && score <= t.maxScore) ?? null;

/** Whether a lender's policy scope takes this kind of vehicle at all (used to pick lenders, too). */
export function policyCoversVehicle(policy: Pick<Policy, "bodyTypes" | "allowNew" | "allowUsed">, condition: Condition | VehicleCondition, bodyType: BodyType) {
  if (!policy.bodyTypes.includes(bodyType)) return false;
  if (condition === "NEW") return policy.allowNew;
  // Certified pre-owned is a used car with a warranty: lenders finance and price it as used.
  if (condition === "USED" || condition === "CERTIFIED") return policy.allowUsed;
  return policy.allowNew || policy.allowUsed;
}

/**
 * The lender's rule table applied to one applicant. Pure: same inputs, same decision. Reasons are the
 * principal reasons an adverse-action notice must state, in plain words.
 */
export function decideByPolicy(policy: Policy, a: Applicant): PolicyDecision {
  if (!policyCoversVehicle(policy, a.condition, a.bodyType)) {
    return { outcome: "declined", reasons: ["We do not finance this type of vehicle"] };
  }
  const tier = tierForApplicant(policy.tiers, a.score);
  if (!tier) return { outcome: "declined", reasons: ["Credit score outside the range this lender finances"] };
  if (a.annualIncomeCents <= 0) return { outcome: "declined", reasons: ["Income insufficient or not provided"] };

  // Priced by the quoted car: only a new car gets the new-car rate (certified pre-owned is used).
  const aprBps = a.condition === "NEW" ? tier.aprNewBps : tier.aprUsedBps;
  const termMonths = Math.min(a.termMonths ?? tier.maxTermMonths, tier.maxTermMonths);
  const financed = Math.min(a.amountCents, tier.maxAmountCents);
  const payment = monthlyPaymentCents(financed, aprBps, termMonths);
  const monthlyIncome = a.annualIncomeCents / 12;
  const ptiBps = Math.round((payment / monthlyIncome) * 10_000);
  const dtiBps = Math.round(((payment + (a.housingCostCents ?? 0)) / monthlyIncome) * 10_000);
  const offer: Offer = { aprBps, termMonths, maxAmountCents: tier.maxAmountCents, monthlyPaymentCents: payment };

  if (dtiBps > MAX_DTI_BPS) return { outcome: "declined", reasons: ["Obligations too high compared with income"] };
  if (ptiBps > tier.maxPtiBps * PTI_CONDITIONAL_SLACK) {
    return { outcome: "declined", reasons: [`Monthly payment would be ${pct(ptiBps)} of income; the limit is ${pct(tier.maxPtiBps)}`] };
  }
  const conditions: string[] = [];
  if (a.amountCents > tier.maxAmountCents) {
    conditions.push(`Amount financed reduced to $${(tier.maxAmountCents / 100).toLocaleString("en-US")} (a larger down payment covers the rest)`);
  }
  if (ptiBps > tier.maxPtiBps) conditions.push("Proof of income: two recent pay stubs");
  return conditions.length ? { outcome: "conditional", conditions, ...offer } : { outcome: "approved", ...offer };
}

const pct = (bps: number) => `${(bps / 100).toFixed(1)}%`;
