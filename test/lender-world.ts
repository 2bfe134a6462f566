// The smallest world the lender API can work in, as bare inserts: one lender with a live key, one quoted
// request, and `count` pending pre-approvals on it. For the lender bench and the injection scan, which
// need thousands of rows fast and no ORM in the way. (Quotes are stored withdrawn only because the
// database allows one live quote per lead; the decision path does not read quote status.)
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";

export async function seedLenderWorld(pool: pg.Pool, count: number) {
  const secret = `kt_live_${randomBytes(24).toString("base64url")}`;
  await pool.query(`
    INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ('world_user', 'world@keyturn.test', 'World', 'x', 'CUSTOMER', now());
    INSERT INTO "Lender" (id, name, verified, "policyActive", "policyBodyTypes", "updatedAt") VALUES ('world_lender', 'World Bank', true, false, '{SUV}', now());
    INSERT INTO "Dealer" (id, name, street, city, state, zip, lat, lng, "serviceRadiusMiles", makes, "bodyTypes", "sellsNew", "sellsUsed", "minPriceCents", "maxPriceCents", "dailyLeadCap", verified, "updatedAt")
      VALUES ('world_dealer', 'World Motors', '1 Main', 'Phoenix', 'AZ', '85004', 33.45, -112.07, 50, '{Toyota}', '{SUV}', true, true, 0, 10000000, 100, true, now());
    INSERT INTO "Request" (id, "customerId", "bodyType", condition, makes, features, "wantsFinancing", zip, city, state, lat, lng, "radiusMiles", timeline, "expiresAt", "updatedAt")
      VALUES ('world_request', 'world_user', 'SUV', 'NEW', '{Toyota}', '{}', true, '85004', 'Phoenix', 'AZ', 33.45, -112.07, 30, 'ASAP', now() + interval '30 days', now());
    INSERT INTO "Lead" (id, "requestId", "dealerId", "distanceMiles", "matchReasons", "buyerAlias", "bodyType", "updatedAt") VALUES ('world_lead', 'world_request', 'world_dealer', 1, '{}', 'Buyer W', 'SUV', now());`);
  await pool.query(`INSERT INTO "ApiKey" (id, "lenderId", name, prefix, hash, mode) VALUES ('world_key', 'world_lender', 'world', $1, $2, 'LIVE')`, [
    secret.slice(0, 12),
    createHash("sha256").update(secret).digest("hex"),
  ]);
  await pool.query(
    `INSERT INTO "Quote" (id, "leadId", "requestId", "dealerId", status, "requestVersion", year, make, model, vin, condition, mileage, "inStock", "vehiclePriceCents", "feesCents", "addOnsCents", "incentivesCents", "tradeInOfferCents", "taxCents", "otdCents", "amountFinancedCents", "validUntil", "updatedAt")
       SELECT 'wq' || lpad(g::text, 8, '0'), 'world_lead', 'world_request', 'world_dealer', 'WITHDRAWN', 1, 2025, 'Toyota', 'RAV4', 'VIN' || g, 'NEW', 10, true, 3000000, 0, 0, 0, 0, 0, 3000000, 3000000, now() + interval '30 days', now()
       FROM generate_series(1, $1::int) g`,
    [count],
  );
  await pool.query(
    `INSERT INTO "PreApproval" (id, "quoteId", "requestId", "lenderId", "quoteVersion", "amountCents", "expiresAt", conditions, reasons, "updatedAt")
       SELECT 'wpa' || lpad(g::text, 8, '0') || 'xxxxxxxxxx', 'wq' || lpad(g::text, 8, '0'), 'world_request', 'world_lender', 1, 3000000, now() + interval '30 days', '{}', '{}', now()
       FROM generate_series(1, $1::int) g`,
    [count],
  );
  await pool.query("ANALYZE");
  return {
    secret,
    keyId: "world_key",
    lenderId: "world_lender",
    requestId: "world_request",
    /** The i-th pre-approval's id, 1-based. */
    paId: (i: number) => `wpa${String(i).padStart(8, "0")}xxxxxxxxxx`,
  };
}
