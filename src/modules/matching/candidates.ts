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

export type Candidate = MatchDealer & { id: string; name: string; distanceMiles: number; leadsToday: number };

/**
 * Dealers that match a request, found by the GiST index on the stored "earth" point: the box bounds the
 * scan by the buyer's radius, then the exact test compares the chord length (cube_distance) with the
 * chord of the smaller of the two radii, which is the same set as comparing great-circle distances but
 * cheaper per row (STACK.md). Every other rule of evaluateEligibility is applied here too, so no dealer
 * is ever loaded only to be thrown away.
 */
export async function findCandidateDealers(client: Db | Tx, q: CandidateQuery): Promise<Candidate[]> {
  const radiusMeters = q.radiusMiles * METERS_PER_MILE;
  const makes = q.makes.map((m) => m.toLowerCase());
  return client.$queryRaw<Candidate[]>`
    SELECT d."id", d."name", d."serviceRadiusMiles", d."makes", d."bodyTypes"::text[] AS "bodyTypes", d."sellsNew", d."sellsUsed",
           d."minPriceCents", d."maxPriceCents", d."dailyLeadCap",
           earth_distance(ll_to_earth(${q.lat}::float8, ${q.lng}::float8), d."earth") / ${METERS_PER_MILE}::float8 AS "distanceMiles",
           t.n AS "leadsToday"
    FROM "Dealer" d
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM "Lead" l
      WHERE l."dealerId" = d."id" AND l."createdAt" >= date_trunc('day', now() AT TIME ZONE 'UTC')
    ) t
    WHERE earth_box(ll_to_earth(${q.lat}::float8, ${q.lng}::float8), ${radiusMeters}::float8) @> d."earth"
      AND cube_distance(ll_to_earth(${q.lat}::float8, ${q.lng}::float8), d."earth")
          <= 2 * earth() * sin(least(${radiusMeters}::float8, d."serviceRadiusMiles" * ${METERS_PER_MILE}::float8) / (2 * earth()))
      AND ${q.bodyType}::"BodyType" = ANY(d."bodyTypes")
      AND CASE ${q.condition}::text WHEN 'NEW' THEN d."sellsNew" WHEN 'USED' THEN d."sellsUsed" ELSE d."sellsNew" OR d."sellsUsed" END
      AND (cardinality(${makes}::text[]) = 0 OR EXISTS (SELECT 1 FROM unnest(d."makes") m WHERE lower(m) = ANY(${makes}::text[])))
      AND d."minPriceCents" <= ${q.budgetCeilingCents}::int
      AND NOT EXISTS (SELECT 1 FROM "DealerBlock" b WHERE b."customerId" = ${q.customerId} AND b."dealerId" = d."id" AND b."kind" = 'BLOCK')
      AND t.n < d."dailyLeadCap"
    ORDER BY "distanceMiles"`;
}
