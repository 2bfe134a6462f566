import { Prisma } from "~/generated/prisma/client";
import type { Db, Tx } from "~/server/db";
import { budgetCeilingCents } from "~/modules/matching/eligibility";
import type { QuoteDefaults } from "~/modules/quotes/quote-defaults";
import { rankUnits, type RankRequest, type RankUnit } from "./rank-units";

/** The request columns the ranking reads. */
export const rankRequestSelect = {
  bodyType: true, condition: true, makes: true, model: true, yearMin: true, yearMax: true, maxMileage: true, features: true,
  maxPriceCents: true, maxMonthlyCents: true, termMonths: true, downPaymentCents: true, creditTier: true, customerId: true,
} satisfies Prisma.RequestSelect;

export type StockUnit = RankUnit & { stockNumber: string | null; exteriorColor: string | null };

/** More than a dealer could weigh on one lead; the cheapest this many candidates are ranked. */
const CANDIDATES = 200;

/**
 * The dealer's available units that could fit, by the hard rules SQL can apply with the partial index
 * InventoryUnit_ranking_idx (dealer, body type, price; available only): one index range of this dealer's
 * own stock, whatever the size of the table. The literal 'AVAILABLE' keeps the partial index usable under
 * a generic plan. A list price above the budget ceiling can still fit after a discount, so the caller
 * passes the most it will discount. Given the request's buyer, a unit whose VIN is in their garage is
 * never a candidate: matching does not offer a buyer a car they already own.
 */
export async function candidateUnits(q: Tx | Db, dealerId: string, r: RankRequest & { customerId: string }, maxDiscountBps = 0): Promise<StockUnit[]> {
  const ceiling = budgetCeilingCents(r);
  const cap = ceiling > 0 ? Math.ceil((ceiling * 10_000) / (10_000 - maxDiscountBps)) : null;
  const conditions = r.condition === "NEW" ? ["NEW"] : r.condition === "USED" ? ["USED", "CERTIFIED"] : ["NEW", "USED", "CERTIFIED"];
  return q.$queryRaw<StockUnit[]>`
    SELECT "id", "vin", "stockNumber", "condition"::text AS "condition", "year", "make", "model", "trim", "bodyType"::text AS "bodyType",
           "mileage", "priceCents", "exteriorColor", "features", "inStockSince"
    FROM "InventoryUnit"
    WHERE "dealerId" = ${dealerId} AND "status" = 'AVAILABLE' AND "bodyType" = ${r.bodyType}::"BodyType"
      ${cap != null ? Prisma.sql`AND "priceCents" <= ${cap}` : Prisma.empty}
      AND "condition"::text = ANY(${conditions})
      ${r.yearMin != null ? Prisma.sql`AND "year" >= ${r.yearMin}` : Prisma.empty}
      ${r.yearMax != null ? Prisma.sql`AND "year" <= ${r.yearMax}` : Prisma.empty}
      ${r.maxMileage != null ? Prisma.sql`AND "mileage" <= ${r.maxMileage}` : Prisma.empty}
      AND NOT EXISTS (SELECT 1 FROM "GarageVehicle" g WHERE g."customerId" = ${r.customerId} AND g."vin" = "InventoryUnit"."vin")
    ORDER BY "priceCents", "id"
    LIMIT ${CANDIDATES}`;
}

/** The dealer's best fitting units for a request, best first, each with why it fits (rank-units.ts). */
export async function fittingUnitsForLead(q: Tx | Db, dealerId: string, r: RankRequest & { customerId: string }, defaults: QuoteDefaults, opts: { limit?: number; discountBps?: number } = {}) {
  const units = await candidateUnits(q, dealerId, r, opts.discountBps ?? 0);
  return rankUnits(r, units, defaults, opts.limit ?? 3, opts.discountBps ?? 0);
}
