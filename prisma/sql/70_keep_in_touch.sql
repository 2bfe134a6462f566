-- Keep-in-touch grants (schema.prisma says why the model carries no Prisma relations): the rows go with
-- the buyer, the dealer, the deal or the lead they belong to.
ALTER TABLE "KeepInTouchGrant"
  ADD CONSTRAINT "KeepInTouchGrant_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE,
  ADD CONSTRAINT "KeepInTouchGrant_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Dealer"("id") ON DELETE CASCADE,
  ADD CONSTRAINT "KeepInTouchGrant_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE,
  ADD CONSTRAINT "KeepInTouchGrant_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE CASCADE,
  ADD CONSTRAINT "KeepInTouchGrant_cap_check" CHECK ("capCount" BETWEEN 1 AND 4),
  ADD CONSTRAINT "KeepInTouchGrant_topics_check" CHECK (cardinality("topics") >= 1);

-- At most one live grant per deal: giving new terms revokes the old grant in the same transaction.
CREATE UNIQUE INDEX "KeepInTouchGrant_one_live_per_deal" ON "KeepInTouchGrant" ("dealId") WHERE "revokedAt" IS NULL;
