-- A dealer has at most one live quote per request, enforced by the database.
CREATE UNIQUE INDEX "Quote_one_live_per_lead" ON "Quote" ("leadId") WHERE "status" IN ('ACTIVE', 'ACCEPTED');
