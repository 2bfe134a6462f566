import type { BodyType, Condition } from "~/generated/prisma/enums";

export type MatchRequest = {
  bodyType: BodyType;
  condition: Condition;
  makes: string[];
  maxPriceCents: number | null;
  maxMonthlyCents: number | null;
  termMonths: number | null;
  downPaymentCents: number;
  radiusMiles: number;
  /** The buyer's cap on dealer fees (their own terms), when they set one. */
  maxFeesCents?: number | null;
};

export type MatchDealer = {
  serviceRadiusMiles: number;
  makes: string[];
  bodyTypes: BodyType[];
  sellsNew: boolean;
  sellsUsed: boolean;
  minPriceCents: number;
  maxPriceCents: number;
  dailyLeadCap: number;
  /** The doc fee the dealer says it charges on every sale; null when it may quote lower. */
  fixedDocFeeCents?: number | null;
};

export type MatchContext = { distanceMiles: number; leadsToday: number; blocked: boolean };
export type Eligibility = { eligible: boolean; reasons: string[] };

const BODY: Record<BodyType, string> = {
  SEDAN: "sedans", SUV: "SUVs", TRUCK: "trucks", COUPE: "coupes", HATCHBACK: "hatchbacks", MINIVAN: "minivans", WAGON: "wagons", CONVERTIBLE: "convertibles", VAN: "vans",
};
// One formatter: toLocaleString builds a new one per call, and fan-out formats hundreds of prices.
const dollars = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
export const usd = (cents: number) => `$${dollars.format(Math.round(cents / 100))}`;
const miles = (m: number) => (m < 1 ? "under 1 mi" : `${Math.round(m)} mi`);

/**
 * The most the buyer could spend: their stated maximum price, or what a monthly target over the term plus
 * the down payment reaches (interest ignored, so the ceiling is generous and never excludes a fit).
 */
export function budgetCeilingCents(r: Pick<MatchRequest, "maxPriceCents" | "maxMonthlyCents" | "termMonths" | "downPaymentCents">): number {
  const byMonthly = r.maxMonthlyCents != null && r.termMonths != null ? r.maxMonthlyCents * r.termMonths + r.downPaymentCents : 0;
  return Math.max(r.maxPriceCents ?? 0, byMonthly);
}

/**
 * The budget in the same terms the lead card states it ("up to $45,000"): when a monthly target reaches
 * higher than the stated maximum price, say where the higher figure comes from instead of a bare sum.
 */
function budgetWords(r: Pick<MatchRequest, "maxPriceCents" | "maxMonthlyCents" | "termMonths" | "downPaymentCents">, ceiling: number): string {
  if (r.maxPriceCents != null && r.maxPriceCents >= ceiling) return `the buyer's ${usd(r.maxPriceCents)} maximum price`;
  const down = r.downPaymentCents > 0 ? ` plus ${usd(r.downPaymentCents)} down` : "";
  const monthly = `${usd(r.maxMonthlyCents ?? 0)}/mo over ${r.termMonths} months${down}`;
  return r.maxPriceCents != null
    ? `the buyer's budget (${usd(r.maxPriceCents)} maximum price; ${monthly} reaches ${usd(ceiling)})`
    : `the buyer's budget (${monthly}, about ${usd(ceiling)})`;
}

/**
 * Whether a dealer should receive a request, and why, in words the dealer reads on the lead.
 * The SQL candidate query applies the same rules with an index; this function is the reference and
 * writes the reasons. When not eligible, `reasons` lists every rule that failed.
 */
export function evaluateEligibility(request: MatchRequest, dealer: MatchDealer, ctx: MatchContext): Eligibility {
  const ok: string[] = [];
  const fail: string[] = [];

  const limit = Math.min(request.radiusMiles, dealer.serviceRadiusMiles);
  if (ctx.distanceMiles <= limit) ok.push(`Within ${miles(ctx.distanceMiles)} of the buyer (your radius ${dealer.serviceRadiusMiles} mi, theirs ${request.radiusMiles} mi)`);
  else if (ctx.distanceMiles > dealer.serviceRadiusMiles) fail.push(`${miles(ctx.distanceMiles)} away, outside your ${dealer.serviceRadiusMiles} mi radius`);
  else fail.push(`${miles(ctx.distanceMiles)} away, outside the buyer's ${request.radiusMiles} mi radius`);

  const dealerMakes = new Map(dealer.makes.map((m) => [m.toLowerCase(), m]));
  const sharedMakes = request.makes.filter((m) => dealerMakes.has(m.toLowerCase())).map((m) => dealerMakes.get(m.toLowerCase())!);
  const sellsBody = dealer.bodyTypes.includes(request.bodyType);
  const sellsCondition =
    request.condition === "NEW" ? dealer.sellsNew : request.condition === "USED" ? dealer.sellsUsed : dealer.sellsNew || dealer.sellsUsed;
  const conditionWord = request.condition === "NEW" ? "new" : request.condition === "USED" ? "used" : [dealer.sellsNew && "new", dealer.sellsUsed && "used"].filter(Boolean).join(" and ");
  if (request.makes.length > 0 && sharedMakes.length === 0) fail.push(`Does not sell ${request.makes.join(" or ")}`);
  if (!sellsBody) fail.push(`Does not sell ${BODY[request.bodyType]}`);
  if (!sellsCondition) fail.push(`Does not sell ${request.condition === "NEW" ? "new" : "used"} vehicles`);
  if ((request.makes.length === 0 || sharedMakes.length > 0) && sellsBody && sellsCondition) {
    ok.push(`Sells ${sharedMakes.length > 0 ? `${sharedMakes.join("/")} ` : ""}${BODY[request.bodyType]}, ${conditionWord}`);
  }

  const ceiling = budgetCeilingCents(request);
  const budget = budgetWords(request, ceiling);
  if (dealer.minPriceCents <= ceiling) ok.push(`Price range ${usd(dealer.minPriceCents)}–${usd(dealer.maxPriceCents)} overlaps ${budget}`);
  else fail.push(`Cheapest stock (${usd(dealer.minPriceCents)}) is above ${budget}`);

  // The dealer's own setting says it never meets this term: the buyer is not bothered with a quote that must fail.
  if (request.maxFeesCents != null && dealer.fixedDocFeeCents != null && dealer.fixedDocFeeCents > request.maxFeesCents)
    fail.push(`Charges a ${usd(dealer.fixedDocFeeCents)} doc fee on every sale, above the buyer's ${usd(request.maxFeesCents)} limit on dealer fees`);

  if (ctx.leadsToday >= dealer.dailyLeadCap) fail.push(`Daily lead cap of ${dealer.dailyLeadCap} reached`);
  if (ctx.blocked) fail.push("The buyer has blocked this dealer");

  return fail.length === 0 ? { eligible: true, reasons: ok } : { eligible: false, reasons: fail };
}
