-- One data set of the growth bench, generated in the database (bench/scale/generate.mts runs it with
-- :R replaced by the number of requests). Shape: 60,000 dealers on real ZIP centroids (gen_place is
-- loaded first), Zipf-like dealer and lender popularity (a rank drawn log-uniformly: P(rank k) ∝ 1/k),
-- buyers with ~3 requests, 6–16 dealers drawn per request, quotes with revisions, pre-approvals from 1–3
-- lenders, threads, notifications, grants and access-log rows, deals, done jobs, rate-limit and
-- idempotency rows. Every status is drawn per row, so nothing is correlated with the dealer, the lender
-- or the buyer that real data would not be. Fixed actors the bench times at every size:
--   dealer 0 (the busiest; its share grows with the table), dealer 59999 (the control: exactly 1,000
--   leads at every size), buyer 0 (40 requests at every size), buyer 1 (typical), lender 0 (busiest),
--   lender 10 (typical).
SELECT setseed(0.42);
CREATE FUNCTION pg_temp.kid(p text, i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'c' || left(md5(p || i::text), 24) $$;
CREATE FUNCTION pg_temp.zipf(n int) RETURNS int LANGUAGE sql VOLATILE AS $$ SELECT least(n - 1, floor(exp(random() * ln(n)))::int - 1) $$;
CREATE FUNCTION pg_temp.pick(xs text[]) RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT xs[1 + floor(random() * cardinality(xs))::int] $$;
CREATE TEMP TABLE gen_now AS SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) AS t;

-- ── dealers, their people, lenders ──
CREATE TEMP TABLE gen_d AS SELECT i, 1 + floor(random() * (SELECT count(*) FROM gen_place))::int AS pn FROM generate_series(0, 59999) i;
INSERT INTO "Dealer" ("id","name","street","city","state","zip","lat","lng","serviceRadiusMiles","makes","bodyTypes","sellsNew","sellsUsed","minPriceCents","maxPriceCents","dailyLeadCap","verified","createdAt","updatedAt")
SELECT pg_temp.kid('d', d.i), 'Dealer ' || d.i, '1 Main St', p.city, p.state, p.zip, p.lat, p.lng, (ARRAY[15,25,35,50,75])[1 + floor(random() * 5)::int],
       ARRAY[pg_temp.pick('{Toyota,Honda,Ford,Chevrolet,Nissan,Hyundai,Kia,Subaru}'), pg_temp.pick('{Mazda,Jeep,Ram,GMC,BMW,Lexus,Volkswagen}')],
       ARRAY[pg_temp.pick('{SEDAN,SUV,TRUCK}'), pg_temp.pick('{COUPE,HATCHBACK,MINIVAN,WAGON,CONVERTIBLE,VAN}')]::"BodyType"[],
       random() < 0.7, true, 500000, 10000000, 1000, true, (SELECT t FROM gen_now) - interval '400 days', (SELECT t FROM gen_now)
FROM gen_d d JOIN gen_place p ON p.n = d.pn;
INSERT INTO "User" ("id","email","name","passwordHash","role","updatedAt")
SELECT pg_temp.kid('du', i), 'dealer' || i || '@scale.test', 'Dealer staff ' || i, 'x', 'DEALER', (SELECT t FROM gen_now) FROM generate_series(0, 59999) i;
INSERT INTO "Membership" ("id","userId","dealerId","role") SELECT pg_temp.kid('dm', i), pg_temp.kid('du', i), pg_temp.kid('d', i), 'OWNER' FROM generate_series(0, 59999) i;
INSERT INTO "Lender" ("id","name","verified","updatedAt") SELECT pg_temp.kid('l', i), 'Lender ' || i, true, (SELECT t FROM gen_now) FROM generate_series(0, 19) i;
INSERT INTO "User" ("id","email","name","passwordHash","role","updatedAt")
SELECT pg_temp.kid('lu', i), 'lender' || i || '@scale.test', 'Underwriter ' || i, 'x', 'LENDER', (SELECT t FROM gen_now) FROM generate_series(0, 19) i;
INSERT INTO "Membership" ("id","userId","lenderId","role") SELECT pg_temp.kid('lm', i), pg_temp.kid('lu', i), pg_temp.kid('l', i), 'OWNER' FROM generate_series(0, 19) i;
INSERT INTO "ApiKey" ("id","lenderId","name","prefix","hash") SELECT pg_temp.kid('k', i), pg_temp.kid('l', i), 'Live', 'kt_live_', md5('key' || i) FROM generate_series(0, 19) i;

-- ── buyers and their requests (a third as many buyers as requests; buyer 0 has the first 40) ──
INSERT INTO "User" ("id","email","name","passwordHash","role","updatedAt")
SELECT pg_temp.kid('b', i), 'buyer' || i || '@scale.test', 'Buyer ' || i, 'x', 'CUSTOMER', (SELECT t FROM gen_now) FROM generate_series(0, :R / 3) i;
CREATE TEMP TABLE gen_rq AS
SELECT i, pg_temp.kid('rq', i) AS id,
       CASE WHEN i < 40 THEN 0 ELSE 1 + floor(random() * (:R / 3))::int END AS buyer,
       (SELECT t FROM gen_now) - random() * interval '365 days' AS created,
       random() < 0.6 AS fin, random() AS u, random() AS s, floor(random() * 60000)::int AS near
FROM generate_series(0, :R - 1) i;
INSERT INTO "Request" ("id","customerId","status","bodyType","condition","makes","features","wantsFinancing","zip","city","state","lat","lng","radiusMiles","timeline","creditTier","matchedCount","fannedOutAt","expiresAt","createdAt","updatedAt")
SELECT r.id, pg_temp.kid('b', r.buyer),
       (CASE WHEN r.created > (SELECT t FROM gen_now) - interval '30 days'
             THEN CASE WHEN r.s < 0.85 THEN 'OPEN' WHEN r.s < 0.9 THEN 'CANCELLED' ELSE 'ACCEPTED' END
             ELSE CASE WHEN r.s < 0.6 THEN 'EXPIRED' WHEN r.s < 0.9 THEN 'ACCEPTED' ELSE 'CANCELLED' END END)::"RequestStatus",
       pg_temp.pick('{SEDAN,SUV,TRUCK,COUPE,HATCHBACK,MINIVAN,WAGON,CONVERTIBLE,VAN}')::"BodyType", pg_temp.pick('{NEW,USED,ANY}')::"Condition",
       ARRAY[pg_temp.pick('{Toyota,Honda,Ford,Chevrolet,Nissan,Hyundai}')], '{}', r.fin, d."zip", d."city", d."state", d."lat", d."lng", 50,
       pg_temp.pick('{ASAP,WITHIN_2_WEEKS,WITHIN_MONTH,WITHIN_3_MONTHS,JUST_BROWSING}')::"Timeline",
       pg_temp.pick('{SUPER_PRIME,PRIME,NEAR_PRIME,SUBPRIME}')::"CreditTier", 11, r.created, r.created + interval '30 days', r.created, r.created
FROM gen_rq r JOIN "Dealer" d ON d."id" = pg_temp.kid('d', r.near);

-- ── leads: 6–16 Zipf-drawn dealers per request (a repeat draw is dropped), plus the control dealer on the first 1,000 ──
INSERT INTO "Lead" ("id","requestId","dealerId","status","distanceMiles","matchReasons","buyerAlias","bodyType","viewedAt","createdAt","updatedAt")
SELECT pg_temp.kid('ld', r.i * 100 + k), r.id, pg_temp.kid('d', least(59998, pg_temp.zipf(60000))),
       (CASE WHEN v < 0.3 THEN 'NEW' WHEN v < 0.55 THEN 'VIEWED' WHEN v < 0.8 THEN 'QUOTED' WHEN v < 0.9 THEN 'PASSED' ELSE 'CLOSED' END)::"LeadStatus",
       round((random() * 50)::numeric, 1), '[]', 'Buyer ' || upper(left(md5(r.id || k), 4)), rq."bodyType",
       CASE WHEN v >= 0.3 THEN r.created + interval '3 hours' END, c, c
FROM gen_rq r CROSS JOIN LATERAL generate_series(1, 6 + floor(r.u * 11)::int) k
CROSS JOIN LATERAL (SELECT random() AS v, r.created + random() * interval '2 hours' + k * interval '1 second' AS c) x
JOIN "Request" rq ON rq."id" = r.id
ON CONFLICT ("requestId", "dealerId") DO NOTHING;
INSERT INTO "Lead" ("id","requestId","dealerId","status","distanceMiles","matchReasons","buyerAlias","bodyType","createdAt","updatedAt")
SELECT pg_temp.kid('lc', r.i), r.id, pg_temp.kid('d', 59999),
       pg_temp.pick('{NEW,VIEWED,QUOTED,PASSED,CLOSED}')::"LeadStatus", 12.5, '[]', 'Buyer ' || upper(left(md5(r.id), 4)), rq."bodyType", r.created + interval '5 minutes', r.created + interval '5 minutes'
FROM gen_rq r JOIN "Request" rq ON rq."id" = r.id WHERE r.i < 1000;

-- ── quotes on quoted leads, with 1–3 revisions ──
INSERT INTO "Quote" ("id","leadId","requestId","dealerId","status","version","requestVersion","year","make","model","vin","mileage","condition","inStock","vehiclePriceCents","feesCents","addOnsCents","incentivesCents","tradeInOfferCents","taxCents","otdCents","amountFinancedCents","validUntil","createdAt","updatedAt")
SELECT 'q' || substr(l."id", 2), l."id", l."requestId", l."dealerId",
       (CASE WHEN v < 0.55 THEN 'ACTIVE' WHEN v < 0.65 THEN 'WITHDRAWN' WHEN v < 0.8 THEN 'DECLINED' WHEN v < 0.95 THEN 'EXPIRED' ELSE 'ACCEPTED' END)::"QuoteStatus",
       1 + floor(random() * 3)::int, 1, 2024, 'Toyota', 'RAV4', '2T3P1RFV8RC000001', 12, 'USED'::"VehicleCondition", true, p, 89900, 0, 0, 0, p / 16, p + 89900 + p / 16, p,
       l."createdAt" + interval '14 days', l."createdAt" + interval '4 hours', l."createdAt" + interval '4 hours'
-- (The WHERE ties each draw to its row: an uncorrelated LATERAL of random() is evaluated once, and every
-- quote had the same status and price.)
FROM "Lead" l CROSS JOIN LATERAL (SELECT random() AS v, 2000000 + floor(random() * 3000000)::int AS p WHERE l."id" IS NOT NULL) x
WHERE l."status" = 'QUOTED';
-- Accepting a quote marks its lead won and closes the others (accept-quote.ts).
UPDATE "Lead" l SET "status" = 'WON' FROM "Quote" q WHERE q."leadId" = l."id" AND q."status" = 'ACCEPTED';
INSERT INTO "QuoteRevision" ("id","quoteId","version","snapshot","createdAt")
SELECT 'v' || substr(q."id", 2) || n, q."id", n, '{"vehiclePriceCents": 2500000}', q."createdAt" FROM "Quote" q CROSS JOIN LATERAL generate_series(1, q."version") n;

-- ── pre-approvals from 1–3 Zipf-drawn lenders on quotes of requests that want financing ──
INSERT INTO "PreApproval" ("id","quoteId","requestId","lenderId","status","quoteVersion","amountCents","decisionVersion","aprBps","termMonths","maxAmountCents","monthlyPaymentCents","reasons","source","decidedAt","expiresAt","createdAt","updatedAt")
SELECT pg_temp.kid('pa', abs(hashtext(q."id"))::bigint * 4 + k), q."id", q."requestId", pg_temp.kid('l', pg_temp.zipf(20)),
       st::"PreApprovalStatus", 1, q."amountFinancedCents", CASE WHEN st IN ('APPROVED','CONDITIONAL','DECLINED') THEN 1 ELSE 0 END,
       CASE WHEN st IN ('APPROVED','CONDITIONAL') THEN 500 + floor(random() * 800)::int END, CASE WHEN st IN ('APPROVED','CONDITIONAL') THEN 60 END,
       CASE WHEN st IN ('APPROVED','CONDITIONAL') THEN q."amountFinancedCents" END, CASE WHEN st IN ('APPROVED','CONDITIONAL') THEN 50000 END,
       CASE WHEN st = 'DECLINED' THEN '{"Debt-to-income too high"}'::text[] ELSE '{}' END,
       (CASE WHEN st IN ('APPROVED','CONDITIONAL','DECLINED') THEN pg_temp.pick('{AUTO_POLICY,API,CONSOLE}') END)::"DecisionSource",
       CASE WHEN st IN ('APPROVED','CONDITIONAL','DECLINED') THEN c + random() * interval '6 hours' END, c + interval '30 days', c, c
FROM "Quote" q JOIN gen_rq r ON r.id = q."requestId" AND r.fin
CROSS JOIN LATERAL (SELECT 1 + floor(random() * 3)::int AS cnt WHERE q."id" IS NOT NULL) nk CROSS JOIN LATERAL generate_series(1, nk.cnt) k
CROSS JOIN LATERAL (SELECT q."createdAt" + random() * interval '1 hour' AS c, random() AS v) x
CROSS JOIN LATERAL (SELECT CASE WHEN c + interval '30 days' < (SELECT t FROM gen_now)
    THEN CASE WHEN v < 0.35 THEN 'APPROVED' WHEN v < 0.5 THEN 'CONDITIONAL' WHEN v < 0.75 THEN 'DECLINED' WHEN v < 0.95 THEN 'EXPIRED' ELSE 'CANCELLED' END
    ELSE CASE WHEN v < 0.4 THEN 'PENDING' WHEN v < 0.65 THEN 'APPROVED' WHEN v < 0.75 THEN 'CONDITIONAL' WHEN v < 0.95 THEN 'DECLINED' ELSE 'CANCELLED' END END AS st) y
ON CONFLICT DO NOTHING;
INSERT INTO "IdempotencyRecord" ("id","apiKeyId","key","requestHash","status","responseBody","createdAt")
SELECT 'i' || substr(p."id", 2), k."id", 'idem-' || p."id", md5(p."id"), 200,
       jsonb_build_object('id', p."id", 'object', 'pre_approval', 'status', lower(p."status"::text), 'reasons', p."reasons"), p."decidedAt"
FROM "PreApproval" p JOIN "ApiKey" k ON k."lenderId" = p."lenderId" WHERE p."source" = 'API';

-- ── deals on accepted quotes (one per request), ratings on half ──
INSERT INTO "Deal" ("id","requestId","quoteId","customerId","dealerId","quoteVersion","otdCents","createdAt")
SELECT 'e' || substr(q."id", 2), q."requestId", q."id", r."customerId", q."dealerId", q."version", q."otdCents", q."createdAt" + interval '1 day'
FROM "Quote" q JOIN "Request" r ON r."id" = q."requestId" WHERE q."status" = 'ACCEPTED' ON CONFLICT DO NOTHING;
INSERT INTO "Rating" ("id","dealId","customerId","target","dealerId","stars","createdAt")
SELECT 'g' || substr(d."id", 2), d."id", d."customerId", 'DEALER', d."dealerId", 1 + floor(random() * 5)::int, d."createdAt" + interval '2 days' FROM "Deal" d WHERE random() < 0.5;

-- ── threads on 30% of leads, 1–5 messages each, 8% unread ──
INSERT INTO "Thread" ("id","leadId","createdAt") SELECT 't' || substr(l."id", 2), l."id", l."createdAt" + interval '1 hour' FROM "Lead" l WHERE random() < 0.3;
INSERT INTO "Message" ("id","threadId","senderType","body","readAt","createdAt")
SELECT 'm' || substr(t."id", 2) || n, t."id", (CASE WHEN random() < 0.5 THEN 'CUSTOMER' ELSE 'DEALER' END)::"SenderType", 'Is it still available?',
       CASE WHEN random() >= 0.08 THEN t."createdAt" + n * interval '2 hours' END, t."createdAt" + n * interval '1 hour'
FROM "Thread" t CROSS JOIN LATERAL (SELECT 1 + floor(random() * 5)::int AS cnt WHERE t."id" IS NOT NULL) nk CROSS JOIN LATERAL generate_series(1, nk.cnt) n;

-- ── notifications: 4 per request for its buyer, 1 per lead for the dealer's person; 15% unread ──
INSERT INTO "Notification" ("id","userId","kind","title","body","link","readAt","createdAt")
SELECT 'n' || substr(r.id, 2) || n, pg_temp.kid('b', r.buyer), 'quote.received', 'A new quote', 'A dealer sent you a quote.', '/customer/requests/' || r.id,
       CASE WHEN random() >= 0.15 THEN r.created + n * interval '5 hours' END, r.created + n * interval '4 hours'
FROM gen_rq r CROSS JOIN generate_series(1, 4) n;
INSERT INTO "Notification" ("id","userId","kind","title","body","link","readAt","createdAt")
SELECT 'n' || substr(l."id", 2), m."userId", 'lead.new', 'A new lead', 'A buyer near you.', '/dealer/leads/' || l."id",
       CASE WHEN random() >= 0.15 THEN l."createdAt" + interval '1 hour' END, l."createdAt"
FROM "Lead" l JOIN "Membership" m ON m."dealerId" = l."dealerId";

-- ── consent grants (one lender grant per financed request, a dealer contact grant on a fifth of quotes) and access-log rows ──
INSERT INTO "ConsentGrant" ("id","customerId","granteeType","lenderIds","fields","purpose","requestId","expiresAt","revokedAt","createdAt")
SELECT 'a' || substr(r.id, 2), pg_temp.kid('b', r.buyer), 'ALL_LENDERS', '{}', '{CREDIT,INCOME}', 'Pre-approval', r.id, r.created + interval '30 days',
       CASE WHEN random() < 0.05 THEN r.created + interval '3 days' END, r.created
FROM gen_rq r WHERE r.fin;
INSERT INTO "ConsentGrant" ("id","customerId","granteeType","lenderIds","dealerId","fields","purpose","requestId","expiresAt","createdAt")
SELECT 'h' || substr(q."id", 2), r."customerId", 'DEALER', '{}', q."dealerId", '{CONTACT}', 'Contact', q."requestId", q."createdAt" + interval '30 days', q."createdAt"
FROM "Quote" q JOIN "Request" r ON r."id" = q."requestId" WHERE random() < 0.2;
INSERT INTO "AccessLog" ("id","customerId","actorType","actorId","actorLabel","grantId","fields","purpose","requestId","channel","createdAt")
SELECT 'x' || substr(p."id", 2), r."customerId", 'LENDER', p."lenderId", 'Lender', 'a' || substr(r."id", 2), '{CREDIT}', 'Pre-approval', r."id", 'api', p."createdAt" + interval '1 minute'
FROM "PreApproval" p JOIN "Request" r ON r."id" = p."requestId";

-- ── what only grows: done jobs, rate-limit windows, live events, mail, lead-day counters ──
INSERT INTO "Job" ("id","queue","payload","status","attempts","runAt","doneAt","createdAt")
SELECT 'j' || substr(r.id, 2) || n, pg_temp.pick('{request.fan-out,matching.notify-dealers,notification.email,webhook.deliver}'), '{"requestId": "x"}',
       (CASE WHEN random() < 0.01 THEN 'DEAD' ELSE 'DONE' END)::"JobStatus", 1, r.created, r.created + interval '1 second', r.created
FROM gen_rq r CROSS JOIN generate_series(1, 20) n; -- 2M done jobs at L: the claim must not notice them
INSERT INTO "RateLimit" ("key","windowStart","count")
SELECT 'api:' || md5('rl' || i), (SELECT t FROM gen_now) - random() * interval '365 days', 1 + floor(random() * 50)::int FROM generate_series(1, (:R * 17) / 10) i;
INSERT INTO "LiveEvent" ("topic","type","refId","createdAt") SELECT 'request:' || r.id, 'quote.created', r.id, r.created FROM gen_rq r WHERE random() < 0.5;
INSERT INTO "OutboundEmail" ("id","to","subject","text","sentAt","createdAt")
SELECT 'o' || substr(r.id, 2), 'buyer@scale.test', 'A new quote', 'A dealer sent you a quote.', r.created, r.created FROM gen_rq r;
-- Lead-day counters as the daily sweep leaves them (lead-days.ts keeps 7 days): the kept days, and the one
-- day that has just fallen due. Older days were pruned long ago and are not in a live table.
INSERT INTO "DealerLeadDay" ("dealerId","day","count")
SELECT "dealerId", "createdAt"::date, count(*)::int FROM "Lead"
WHERE "createdAt" >= (now() AT TIME ZONE 'UTC')::date - 8
GROUP BY 1, 2;
-- Last, so no other generated row derives from these. The control lender (lender 19, the bench's "typical" lender): 150 pending pre-approvals at every size,
-- as the control dealer has its 1,000 leads, so its pages are equally full at S and at L and the ratio
-- measures the tables' growth, not how full the page was.
INSERT INTO "PreApproval" ("id","quoteId","requestId","lenderId","status","quoteVersion","amountCents","expiresAt","createdAt","updatedAt")
SELECT 'pc' || lpad(n::text, 8, '0'), q."id", q."requestId", pg_temp.kid('l', 19), 'PENDING', 1, q."amountFinancedCents",
       (SELECT t FROM gen_now) + interval '20 days', (SELECT t FROM gen_now) - n * interval '1 minute', (SELECT t FROM gen_now)
FROM (SELECT q.*, row_number() OVER (ORDER BY q."id") AS n FROM "Quote" q) q WHERE q.n <= 150
ON CONFLICT DO NOTHING;
