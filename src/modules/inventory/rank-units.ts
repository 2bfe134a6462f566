import type { BodyType, Condition, CreditTier, VehicleCondition } from "~/generated/prisma/enums";
import { monthlyPaymentCents } from "~/modules/lending/amortization";
import { usd } from "~/modules/matching/eligibility";
import { computeQuoteTotals } from "~/modules/quotes/pricing";
import { conditionAnswers } from "~/modules/quotes/labels";
import { bodyTypeLabel } from "~/modules/requests/labels";
import { draftQuoteFromUnit, type DraftUnit } from "~/modules/quotes/draft-from-unit";
import type { QuoteDefaults } from "~/modules/quotes/quote-defaults";

export type RankRequest = {
  bodyType: BodyType; condition: Condition; makes: string[]; model: string | null;
  yearMin: number | null; yearMax: number | null; maxMileage: number | null; features: string[];
  maxPriceCents: number | null; maxMonthlyCents: number | null; termMonths: number | null; downPaymentCents: number;
  creditTier: CreditTier | null;
};

export type RankUnit = DraftUnit & { id: string; features: string[]; inStockSince: Date | null };

export type RankedUnit<U extends RankUnit = RankUnit> = {
  unit: U;
  fits: boolean;
  /** Why it fits, in the dealer's words, one line per rule met. */
  reasons: string[];
  /** The rules it breaks; empty when it fits. */
  misses: string[];
  otdCents: number;
  /** The estimated payment (see ESTIMATE_APR_BPS), when the buyer gave a monthly target. */
  monthlyCents: number | null;
};

/**
 * The APR a monthly estimate assumes, by the credit band the buyer shared (used cars one point more).
 * It only ranks stock: the lenders' own decisions price the quote the buyer sees.
 */
export const ESTIMATE_APR_BPS: Record<CreditTier | "UNKNOWN", number> = {
  SUPER_PRIME: 600, PRIME: 750, NEAR_PRIME: 1000, SUBPRIME: 1400, DEEP_SUBPRIME: 1900, UNKNOWN: 1000,
};
export const DEFAULT_TERM_MONTHS = 60;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const mi = (n: number) => `${n.toLocaleString("en-US")} mi`;
const pct = (bps: number) => `${(bps / 100).toFixed(1).replace(/\.0$/, "")}%`;

/** One unit against one request: every rule, with the words that explain it. Pure. */
export function assessUnit<U extends RankUnit>(r: RankRequest, u: U, defaults: QuoteDefaults, discountBps = 0): RankedUnit<U> {
  const reasons: string[] = [];
  const misses: string[] = [];
  const rule = (ok: boolean, yes: string, no: string) => (ok ? reasons : misses).push(ok ? yes : no);

  rule(u.bodyType === r.bodyType, `${bodyTypeLabel[r.bodyType]}, as asked`, u.bodyType ? `${bodyTypeLabel[u.bodyType]}, not ${bodyTypeLabel[r.bodyType]}` : "Its body type is not recorded");
  rule(conditionAnswers(r.condition, u.condition), `${u.condition === "NEW" ? "New" : u.condition === "CERTIFIED" ? "Certified pre-owned" : "Used"}, as asked`, r.condition === "NEW" ? "Not new" : "Not used");
  if (r.makes.length) rule(r.makes.some((m) => same(m, u.make)), `${u.make}, one of the makes asked`, `${u.make} is not one of ${r.makes.join(", ")}`);
  if (r.yearMin != null || r.yearMax != null) {
    const ok = (r.yearMin == null || u.year >= r.yearMin) && (r.yearMax == null || u.year <= r.yearMax);
    const range = `${r.yearMin ?? "any"}–${r.yearMax ?? "any"}`;
    rule(ok, `${u.year}, within ${range}`, `${u.year} is outside ${range}`);
  }
  if (r.maxMileage != null) rule(u.mileage <= r.maxMileage, `${mi(u.mileage)}, under ${mi(r.maxMileage)}`, `${mi(u.mileage)} is over ${mi(r.maxMileage)}`);
  if (r.features.length) {
    const missing = r.features.filter((f) => !u.features.some((g) => same(f, g)));
    rule(missing.length === 0, `Has ${r.features.join(", ")}`, `Lacks ${missing.join(", ")}`);
  }

  const draft = draftQuoteFromUnit(u, defaults, { discountBps });
  const { otdCents, amountFinancedCents } = computeQuoteTotals(draft, r.downPaymentCents);
  const term = r.termMonths ?? DEFAULT_TERM_MONTHS;
  const apr = ESTIMATE_APR_BPS[r.creditTier ?? "UNKNOWN"] + (u.condition === "NEW" ? 0 : 100);
  const monthlyCents = r.maxMonthlyCents != null ? monthlyPaymentCents(amountFinancedCents, apr, term) : null;
  const byPrice = r.maxPriceCents != null && otdCents <= r.maxPriceCents;
  const byMonthly = monthlyCents != null && r.maxMonthlyCents != null && monthlyCents <= r.maxMonthlyCents;
  if (r.maxPriceCents == null && r.maxMonthlyCents == null) reasons.push(`${usd(otdCents)} out the door (no budget given)`);
  else if (byPrice) reasons.push(`${usd(otdCents)} out the door, within the ${usd(r.maxPriceCents!)} budget`);
  else if (byMonthly) reasons.push(`About ${usd(monthlyCents!)}/mo (estimated at ${pct(apr)} APR over ${term} months), within the ${usd(r.maxMonthlyCents!)}/mo target`);
  else misses.push(`${usd(otdCents)} out the door is over the budget${monthlyCents != null ? ` (about ${usd(monthlyCents)}/mo)` : ""}`);

  return { unit: u, fits: misses.length === 0, reasons, misses, otdCents, monthlyCents };
}

/**
 * The units that fit a request, best first: the model the buyer named before others, then the lowest
 * out-the-door total (after the discount, if any), then the lowest mileage, then the longest in stock (a dealer would rather move
 * older stock), then the VIN so the order is total. Units that do not fit are left out.
 */
export function rankUnits<U extends RankUnit>(r: RankRequest, units: U[], defaults: QuoteDefaults, limit = 3, discountBps = 0): RankedUnit<U>[] {
  const modelMatch = (u: RankUnit) => (r.model && u.model.toLowerCase().includes(r.model.trim().toLowerCase()) ? 0 : 1);
  const since = (u: RankUnit) => u.inStockSince?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return units
    .map((u) => assessUnit(r, u, defaults, discountBps))
    .filter((a) => a.fits)
    .sort((a, b) => modelMatch(a.unit) - modelMatch(b.unit) || a.otdCents - b.otdCents || a.unit.mileage - b.unit.mileage || since(a.unit) - since(b.unit) || a.unit.vin.localeCompare(b.unit.vin))
    .slice(0, limit);
}
