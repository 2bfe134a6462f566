-- Dealer analytics (issue 11, part 3). Every figure a dealer waits for reads only that dealer's rows:
-- leads through Lead_dealerId_createdAt_idx (already there), deals through this index, so the page costs
-- the same on an empty platform and on one with millions of leads.
CREATE INDEX IF NOT EXISTS "Deal_dealerId_createdAt_idx" ON "Deal" ("dealerId", "createdAt" DESC);
-- The admin's market view reads the last 30 days of requests, not every request ever posted.
CREATE INDEX IF NOT EXISTS "Request_createdAt_idx" ON "Request" ("createdAt");
-- "Bought elsewhere" and "took the key back" are looked up per won customer: ConsentGrant_customerId_idx
-- and Deal_customerId_createdAt_idx serve those, so nothing is added for them.
