import { Prisma } from "~/generated/prisma/client";
import type { BodyType, Condition } from "~/generated/prisma/enums";
import type { Db, Tx } from "~/server/db";
import type { MatchDealer } from "./eligibility";

const METERS_PER_MILE = 1609.344;

export type CandidateQuery = {
  lat: number;
  lng: number;
  radiusMiles: number;
  bodyType: BodyType;
  condition: Condition;
  makes: string[];
  budgetCeilingCents: number;
  customerId: string;
};

export type Candidate = MatchDealer & { id: string; distanceMiles: number; leadsToday: number };

/**
 * Dealers that match a request, found by the GiST index on the stored "earth" point: the box bounds the
 * scan by the buyer's radius, then the exact test compares the chord length (cube_distance) with the
 * chord of the smaller of the two radii, which is the same set as comparing great-circle distances but
 * cheaper per row (STACK.md). Every other rule of evaluateEligibility is applied here too, so no dealer
 * is ever loaded only to be thrown away.
 */
export async function findCandidateDealers(client: Db | Tx, q: CandidateQuery): Promise<Candidate[]> {
  // One JSON value instead of hundreds of typed rows: the driver adapter's per-cell mapping costs more
  // than the query itself at metro scale (see bench/matching.mts).
  const [row] = await client.$queryRaw<[{ rows: Candidate[] }]>`SELECT coalesce(json_agg(c), '[]'::json) AS rows FROM (${candidateSql(q)}) c`;
  return row.rows;
}

/** The statement itself, so the benchmark can EXPLAIN exactly what runs. */
export function candidateSql(q: CandidateQuery): Prisma.Sql {
  const radiusMeters = q.radiusMiles * METERS_PER_MILE;
  const makes = q.makes.map((m) => m.toLowerCase());
  // The CTE is materialised so the per-dealer lead count (the daily cap) runs only for dealers that
  // already passed the index scan and every other rule.
  return Prisma.sql`
    WITH fit AS MATERIALIZED (
      SELECT d."id", d."serviceRadiusMiles", d."makes", d."bodyTypes"::text[] AS "bodyTypes", d."sellsNew", d."sellsUsed",
             d."minPriceCents", d."maxPriceCents", d."dailyLeadCap",
             earth_distance(ll_to_earth(${q.lat}::float8, ${q.lng}::float8), d."earth") / ${METERS_PER_MILE}::float8 AS "distanceMiles"
      FROM "Dealer" d
      WHERE earth_box(ll_to_earth(${q.lat}::float8, ${q.lng}::float8), ${radiusMeters}::float8) @> d."earth"
        AND cube_distance(ll_to_earth(${q.lat}::float8, ${q.lng}::float8), d."earth")
            <= 2 * earth() * sin(least(${radiusMeters}::float8, d."serviceRadiusMiles" * ${METERS_PER_MILE}::float8) / (2 * earth()))
        AND ${q.bodyType}::"BodyType" = ANY(d."bodyTypes")
        AND CASE ${q.condition}::text WHEN 'NEW' THEN d."sellsNew" WHEN 'USED' THEN d."sellsUsed" ELSE d."sellsNew" OR d."sellsUsed" END
        AND (cardinality(${makes}::text[]) = 0 OR EXISTS (SELECT 1 FROM unnest(d."makes") m WHERE lower(m) = ANY(${makes}::text[])))
        AND d."minPriceCents" <= ${q.budgetCeilingCents}::int
        AND d."id" NOT IN (SELECT b."dealerId" FROM "DealerBlock" b WHERE b."customerId" = ${q.customerId} AND b."kind" = 'BLOCK')
    )
    SELECT fit.*, t.n AS "leadsToday"
    FROM fit
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM "Lead" l
      WHERE l."dealerId" = fit."id" AND l."createdAt" >= date_trunc('day', now() AT TIME ZONE 'UTC')
    ) t
    WHERE t.n < fit."dailyLeadCap"
    ORDER BY fit."distanceMiles"`;
}
