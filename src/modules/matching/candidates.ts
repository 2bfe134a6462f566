import type { BodyType, Condition } from "~/generated/prisma/enums";
import { sql } from "~/server/db";
import { chordToMiles } from "~/modules/geo/distance";
import type { MatchDealer } from "./eligibility";

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

/** The tuple keyturn_match_dealers returns per dealer (prisma/sql/10_geo.sql). */
type Row = [id: string, chordM: number, serviceRadiusMiles: number, makes: string[] | null, sellsNew: boolean, sellsUsed: boolean, minPriceCents: number, maxPriceCents: number, dailyLeadCap: number, leadsToday: number];


/**
 * Dealers that match a request, nearest first, found by the database function keyturn_match_dealers
 * (prisma/sql/10_geo.sql): a GiST box scan on the partial index for the wanted body type, an exact
 * distance test against both radii, and every other rule of evaluateEligibility, so no dealer is loaded
 * only to be thrown away. The function returns one JSON value; see the SQL for why. It runs on the pg
 * pool: matching is on the path of every posted request, and the ORM's per-call overhead was a third of
 * its time.
 */
export async function findCandidateDealers(q: CandidateQuery): Promise<Candidate[]> {
  const { rows } = await sql.query<{ rows: Row[] }>(candidateStatement(q));
  const candidates = rows[0]!.rows.map(([id, chordM, serviceRadiusMiles, makes, sellsNew, sellsUsed, minPriceCents, maxPriceCents, dailyLeadCap, leadsToday]) => ({
    id,
    distanceMiles: chordToMiles(chordM),
    serviceRadiusMiles,
    // Sent only when the buyer named makes, the only case in which a dealer's makes decide or explain a match.
    makes: makes ?? [],
    // Only dealers selling the wanted body type are returned, so that is the one that matters here.
    bodyTypes: [q.bodyType],
    sellsNew,
    sellsUsed,
    minPriceCents,
    maxPriceCents,
    dailyLeadCap,
    leadsToday,
  }));
  return candidates.sort((a, b) => a.distanceMiles - b.distanceMiles);
}

/** The statement itself, so the benchmark can time exactly what runs. */
export function candidateStatement(q: CandidateQuery) {
  return {
    name: "match-dealers",
    text: `SELECT keyturn_match_dealers($1::float8, $2::float8, $3::float8, $4::"BodyType", $5::text, $6::text[], $7::int, $8::text) AS rows`,
    values: [q.lat, q.lng, q.radiusMiles, q.bodyType, q.condition, q.makes.map((m) => m.toLowerCase()), q.budgetCeilingCents, q.customerId],
  };
}
