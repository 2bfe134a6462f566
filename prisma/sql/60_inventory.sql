-- An API key has exactly one owner: a lender (decisions API) or a dealer (inventory API).
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_one_owner" CHECK (num_nonnulls("lenderId", "dealerId") = 1);

-- Suggestions and automatic quotes read one dealer's available units of one body type, cheapest first:
-- one index range per lead, whatever the size of the whole inventory table.
CREATE INDEX "InventoryUnit_ranking_idx" ON "InventoryUnit" ("dealerId", "bodyType", "priceCents") WHERE "status" = 'AVAILABLE';
