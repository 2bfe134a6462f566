-- A stored earth point per dealer, with its own GiST index: the radius query is an index scan.
ALTER TABLE "Dealer" ADD COLUMN "earth" earth GENERATED ALWAYS AS (ll_to_earth("lat", "lng")) STORED;
CREATE INDEX "Dealer_earth_gist" ON "Dealer" USING gist ("earth");

-- Makes as the dealer typed them, lower-cased once on write, so matching compares arrays with && instead
-- of lower-casing every make of every dealer in the box on every request.
CREATE FUNCTION keyturn_lower_all(text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(lower(m)), '{}') FROM unnest($1) AS m $$;
ALTER TABLE "Dealer" ADD COLUMN "makesKey" text[] GENERATED ALWAYS AS (keyturn_lower_all("makes")) STORED;

-- One covering GiST index per body type. A metro box holds thousands of dealers, of which only those
-- selling the wanted body type can match; a partial index per type means the scan never touches the
-- others, and INCLUDE carries every column matching reads, so the scan needs no heap visit (an
-- index-only scan once the visibility map is set, which autovacuum keeps for a table that changes
-- rarely). A body type added later without its index still matches correctly, through
-- "Dealer_earth_gist", only more slowly.
DO $$
DECLARE b text;
BEGIN
  FOR b IN SELECT unnest(enum_range(NULL::"BodyType"))::text LOOP
    EXECUTE format(
      'CREATE INDEX %I ON "Dealer" USING gist ("earth") INCLUDE ("id", "serviceRadiusMiles", "makes", "makesKey", "sellsNew", "sellsUsed", "minPriceCents", "maxPriceCents", "dailyLeadCap") WHERE %L::"BodyType" = ANY ("bodyTypes") AND "verified"',
      'Dealer_earth_' || lower(b) || '_gist', b);
  END LOOP;
END $$;

-- Matching, in the database: dealers inside both radii that sell the body type, the condition and the
-- price range, are not blocked by the buyer and have room under today's lead cap. Returns one JSON array
-- of [id, chord in whole metres, service radius, makes, sells new, sells used, min price, max price,
-- daily cap, leads today] per dealer, in no order. One JSON value crosses the wire instead of hundreds of
-- typed rows, and the caller's statement is trivial to plan. Makes come back only when the buyer named
-- some (the only case in which the dealer's makes appear in the reasons): building JSON is a large share
-- of this function's time.
--
-- The statement is built with the body type as a literal (format %L of an enum value), because only a
-- literal lets the planner pick that type's partial index; everything else is a parameter. The centre
-- and the box are computed once here, not per row. Distances are compared as chords (cube_distance), the
-- same order as great-circle distances; the caller converts the chord to miles for the nearest matches.
CREATE OR REPLACE FUNCTION keyturn_match_dealers(
  p_lat float8, p_lng float8, p_radius_miles float8, p_body "BodyType", p_condition text,
  p_makes text[], p_ceiling_cents int, p_customer_id text
) RETURNS json LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  center earth := ll_to_earth(p_lat, p_lng);
  radius_m float8 := p_radius_miles * 1609.344;
  blocked text[] := ARRAY(SELECT b."dealerId" FROM "DealerBlock" b WHERE b."customerId" = p_customer_id AND b."kind" = 'BLOCK');
  result json;
BEGIN
  EXECUTE format($q$
    SELECT coalesce(json_agg(json_build_array(f."id", f.chord, f."serviceRadiusMiles", f."makes", f."sellsNew", f."sellsUsed",
                                              f."minPriceCents", f."maxPriceCents", f."dailyLeadCap", coalesce(t."count", 0))), '[]'::json)
    FROM (
      SELECT d."id", round(cube_distance($1, d."earth"))::int AS chord, d."serviceRadiusMiles",
             CASE WHEN cardinality($4) = 0 THEN NULL ELSE d."makes" END AS "makes", d."sellsNew", d."sellsUsed",
             d."minPriceCents", d."maxPriceCents", d."dailyLeadCap"
      FROM "Dealer" d
      WHERE %1$L::"BodyType" = ANY (d."bodyTypes")
        AND d."verified" -- only verified dealers get leads (issue 13, item 9); also keeps the partial index usable
        AND earth_box($1, $2) @> d."earth"
        AND cube_distance($1, d."earth") <= 2 * earth() * sin(least($2, d."serviceRadiusMiles" * 1609.344::float8) / (2 * earth()))
        AND CASE $3 WHEN 'NEW' THEN d."sellsNew" WHEN 'USED' THEN d."sellsUsed" ELSE d."sellsNew" OR d."sellsUsed" END
        AND (cardinality($4) = 0 OR d."makesKey" && $4)
        AND d."minPriceCents" <= $5
        AND NOT (d."id" = ANY ($6))
      OFFSET 0 -- keeps the lead-count lookup below from running for dealers that fail the rules above
    ) f
    LEFT JOIN "DealerLeadDay" t ON t."dealerId" = f."id" AND t."day" = (now() AT TIME ZONE 'UTC')::date
    WHERE coalesce(t."count", 0) < f."dailyLeadCap"$q$, p_body)
  INTO result
  USING center, radius_m, p_condition, p_makes, p_ceiling_cents, blocked;
  RETURN result;
END
$fn$;
