-- A stored earth point per dealer, with its own GiST index: the radius query is an index scan.
ALTER TABLE "Dealer" ADD COLUMN "earth" earth GENERATED ALWAYS AS (ll_to_earth("lat", "lng")) STORED;
CREATE INDEX "Dealer_earth_gist" ON "Dealer" USING gist ("earth");
