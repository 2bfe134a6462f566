-- Indexes that keep everyday reads growing with the actor's own rows instead of with the table
-- (bench/scale, `npm run bench:scale`; the before and after figures are in the growth report). They are
-- plain or partial B-trees in the order the query filters and sorts. Partial predicates are only matched
-- by statements that send the value as a literal (raw SQL): Prisma sends enums as CAST($1::text AS …),
-- which the planner cannot prove implies a predicate. IF NOT EXISTS: the bench applies this file to data
-- sets generated before it.

-- The lead list's live quote per lead (dealerLeadListSelect): without it every page scanned Quote.
CREATE INDEX IF NOT EXISTS "Quote_leadId_idx" ON "Quote" ("leadId");
-- A dealer's leads by status, newest first: the status filters and the capped status counts.
CREATE INDEX IF NOT EXISTS "Lead_dealerId_status_createdAt_idx" ON "Lead" ("dealerId", "status", "createdAt" DESC, "id" DESC);
-- A dealer's leads of one body type, newest first (the board's body-type filter), on the lead's own copy of it.
CREATE INDEX IF NOT EXISTS "Lead_dealerId_bodyType_createdAt_idx" ON "Lead" ("dealerId", "bodyType", "createdAt" DESC, "id" DESC);
-- The board's capped status counts within a body-type filter (so a rare status is not looked for among
-- all of one body type's leads).
CREATE INDEX IF NOT EXISTS "Lead_dealerId_bodyType_status_idx" ON "Lead" ("dealerId", "bodyType", "status");
-- Unread message badges, for the buyer and for the dealer: only unread messages, by thread. Both ask per
-- lead shown (the dealer for the leads on its board's page), so neither reads its whole history.
CREATE INDEX IF NOT EXISTS "Message_unread_threadId_idx" ON "Message" ("threadId", "senderType") WHERE "readAt" IS NULL;
-- Unread-notification badges: only unread rows, per user.
CREATE INDEX IF NOT EXISTS "Notification_unread_userId_idx" ON "Notification" ("userId") WHERE "readAt" IS NULL;
-- "My data": uses per grant, and the customer's purchases.
CREATE INDEX IF NOT EXISTS "AccessLog_grantId_idx" ON "AccessLog" ("grantId");
CREATE INDEX IF NOT EXISTS "Deal_customerId_createdAt_idx" ON "Deal" ("customerId", "createdAt" DESC);
-- The inbox's dealer ratings, answered from the index alone.
CREATE INDEX IF NOT EXISTS "Rating_dealerId_target_idx" ON "Rating" ("dealerId", "target") INCLUDE ("stars");
-- The lender console's latest requests, and its decided list and the API's decisions (newest first).
CREATE INDEX IF NOT EXISTS "PreApproval_lenderId_createdAt_idx" ON "PreApproval" ("lenderId", "createdAt" DESC, "id" DESC);
CREATE INDEX IF NOT EXISTS "PreApproval_lenderId_decidedAt_idx" ON "PreApproval" ("lenderId", "decidedAt" DESC, "id" DESC);
-- The expiry sweep reads only pending rows past their expiry (its statement names 'PENDING' literally).
CREATE INDEX IF NOT EXISTS "PreApproval_pending_expiresAt_idx" ON "PreApproval" ("expiresAt") WHERE "status" = 'PENDING';
-- Retention sweeps (modules/housekeeping): each reads its oldest due rows, not the table.
CREATE INDEX IF NOT EXISTS "RateLimit_windowStart_idx" ON "RateLimit" ("windowStart");
CREATE INDEX IF NOT EXISTS "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord" ("createdAt");
CREATE INDEX IF NOT EXISTS "Notification_createdAt_idx" ON "Notification" ("createdAt");
-- The lead-day sweep deletes by day; without this it read the whole table, dead rows included.
CREATE INDEX IF NOT EXISTS "DealerLeadDay_day_idx" ON "DealerLeadDay" ("day");
