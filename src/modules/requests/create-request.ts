import { randomBytes } from "node:crypto";
import { CREDIT_SHARE_VERSION, creditShareText, RETURNING_BUYER_TEXT } from "~/modules/consent/texts";
import { lookupZip } from "~/modules/geo/zip";
import { badRequest } from "~/server/errors";
import { sqlTransaction, type SqlClient } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { enforceRateLimit } from "~/server/rate-limit";
import type { CreateRequestInput, RequestFields } from "./schemas";
import { REQUEST_LIFETIME_DAYS } from "./status";

/** The columns a request's stated fields map to, with the ZIP resolved to a place (or a field error). */
export function requestColumns(input: RequestFields) {
  const place = lookupZip(input.zip);
  if (!place) throw badRequest("We could not find that ZIP code.", { zip: "We could not find that ZIP code." });
  return {
    bodyType: input.bodyType,
    condition: input.condition,
    makes: input.makes,
    model: input.model || null,
    yearMin: input.yearMin ?? null,
    yearMax: input.yearMax ?? null,
    maxMileage: input.maxMileage ?? null,
    features: input.features,
    maxPriceCents: input.maxPriceCents ?? null,
    maxMonthlyCents: input.maxMonthlyCents ?? null,
    termMonths: input.termMonths ?? null,
    downPaymentCents: input.downPaymentCents,
    tradeInYear: input.tradeInYear ?? null,
    tradeInMake: input.tradeInMake || null,
    tradeInModel: input.tradeInModel || null,
    tradeInMileage: input.tradeInMileage ?? null,
    wantsFinancing: input.wantsFinancing,
    zip: place.zip,
    city: place.city,
    state: place.state,
    lat: place.lat,
    lng: place.lng,
    radiusMiles: input.radiusMiles,
    timeline: input.timeline,
    noAddOns: input.noAddOns ?? false,
    maxFeesCents: input.maxFeesCents ?? null,
    minValidDays: input.minValidDays ?? null,
    threadOnly: input.threadOnly ?? false,
    inStockOnly: input.inStockOnly ?? false,
  };
}

/**
 * Posts a request: the row, the customer's credit-share consent when they gave it, and the fan-out job,
 * all in one transaction, so a request is never posted without reaching dealers (or the reverse).
 * It runs on the pg pool (`sql`), in four round trips: posting is the first half of the path to every
 * lead being committed, which has a 50 ms budget at 300 dealers (bench/matching.mts).
 */
export async function createRequest(customerId: string, input: CreateRequestInput) {
  const c = requestColumns(input);
  const expiresAt = new Date(Date.now() + REQUEST_LIFETIME_DAYS * 86_400_000);
  const id = newId();
  await sqlTransaction(async (tx) => {
    // Inside the transaction: only requests actually posted count against the limit.
    await enforceRateLimit(`request.create:${customerId}`, 20, 3600, "posting requests", tx);
    // The credit tier the buyer's profile holds now is copied onto the request, for dealers to see.
    await tx.query({
      name: "requests.insert",
      text: `
        INSERT INTO "Request" ("id", "customerId", "bodyType", "condition", "makes", "model", "yearMin", "yearMax", "maxMileage", "features",
          "maxPriceCents", "maxMonthlyCents", "termMonths", "downPaymentCents", "tradeInYear", "tradeInMake", "tradeInModel", "tradeInMileage",
          "wantsFinancing", "zip", "city", "state", "lat", "lng", "radiusMiles", "timeline", "creditTier", "expiresAt", "updatedAt",
          "noAddOns", "maxFeesCents", "minValidDays", "threadOnly", "inStockOnly")
        VALUES ($1, $2, $3::"BodyType", $4::"Condition", $5::text[], $6, $7, $8, $9, $10::text[],
          $11, $12, $13, $14, $15, $16, $17, $18,
          $19, $20, $21, $22, $23, $24, $25, $26::"Timeline", (SELECT p."creditTier" FROM "CustomerProfile" p WHERE p."userId" = $2), $27, now(),
          $28, $29, $30, $31, $32)`,
      values: [
        id, customerId, c.bodyType, c.condition, c.makes, c.model, c.yearMin, c.yearMax, c.maxMileage, c.features,
        c.maxPriceCents, c.maxMonthlyCents, c.termMonths, c.downPaymentCents, c.tradeInYear, c.tradeInMake, c.tradeInModel, c.tradeInMileage,
        c.wantsFinancing, c.zip, c.city, c.state, c.lat, c.lng, c.radiusMiles, c.timeline, expiresAt,
        c.noAddOns, c.maxFeesCents, c.minValidDays, c.threadOnly, c.inStockOnly,
      ],
    });
    if (input.tellReturningBuyer) await recordReturningBuyerShare(tx, customerId, id);
    if (input.shareCredit) await grantCreditShare(tx, customerId, id, expiresAt, input.shareWithLenderIds);
    await enqueue(tx, "request.fan-out", { requestId: id });
  });
  return { id };
}

/** A row id in the shape of the others: lower-case letters and digits, unguessable. */
const newId = () => `r${randomBytes(15).toString("hex")}`;

export const NO_BAND_ON_FILE = "Add your credit band (or check it with a soft pull) before sharing your credit profile, so lenders are not asked to decide without it.";

/**
 * One record of the words agreed to, one grant naming exactly who may read. Sharing needs a credit band
 * on file: without one every lender could only decline, and a decline for a missing input would be
 * wrong (and would send the buyer formal adverse-action notices).
 */
async function grantCreditShare(tx: SqlClient, customerId: string, requestId: string, expiresAt: Date, lenderIds?: string[]) {
  const band = await tx.query<{ creditTier: string | null }>({
    name: "requests.credit-band-on-file",
    text: `SELECT "creditTier" FROM "CustomerProfile" WHERE "userId" = $1`,
    values: [customerId],
  });
  if (!band.rows[0]?.creditTier) throw badRequest(NO_BAND_ON_FILE, { shareCredit: NO_BAND_ON_FILE });

  let names: "ALL" | string[] = "ALL";
  if (lenderIds) {
    const found = await tx.query<{ id: string; name: string }>({
      name: "requests.chosen-lenders",
      text: `SELECT "id", "name" FROM "Lender" WHERE "id" = ANY($1::text[]) AND "verified" ORDER BY "name"`,
      values: [lenderIds],
    });
    if (found.rows.length !== new Set(lenderIds).size) {
      throw badRequest("One of the lenders you picked is no longer available.", { shareWithLenderIds: "One of the lenders you picked is no longer available. Pick again." });
    }
    names = found.rows.map((l) => l.name);
  }
  await tx.query({
    name: "requests.grant-credit-share",
    text: `
      WITH consent AS (
        INSERT INTO "ConsentRecord" ("id", "userId", "kind", "textVersion", "textShown", "requestId")
        VALUES ($1, $2, 'CREDIT_SHARE', $3, $4, $5)
        RETURNING "id")
      INSERT INTO "ConsentGrant" ("id", "customerId", "granteeType", "lenderIds", "fields", "purpose", "requestId", "consentId", "expiresAt")
      SELECT $6, $2, $9::"GranteeType", $10::text[], '{CREDIT,INCOME}', $7, $5, consent."id", $8 FROM consent`,
    values: [
      newId(), customerId, CREDIT_SHARE_VERSION, creditShareText(names), requestId, newId(), `Pre-approval for request ${requestId}`, expiresAt,
      lenderIds ? "LENDERS" : "ALL_LENDERS", lenderIds ? [...new Set(lenderIds)] : [],
    ],
  });
}

/**
 * The buyer's opt-in, with the words they saw, and whether it is true now: a deal of theirs that was
 * delivered (any outcome but NOT_DELIVERED). Dealers see only that boolean, as a badge (leads.ts).
 */
async function recordReturningBuyerShare(tx: SqlClient, customerId: string, requestId: string) {
  await tx.query({
    name: "requests.returning-buyer-share",
    text: `
      INSERT INTO "ReturningBuyerShare" ("id", "requestId", "customerId", "textVersion", "textShown", "returning")
      VALUES ($1, $2, $3, $4, $5, EXISTS (
        SELECT 1 FROM "Deal" d WHERE d."customerId" = $3 AND d."requestId" <> $2 AND d."outcome" IN ('CONFIRMED', 'AWAITING_BUYER', 'DISPUTED')))`,
    values: [newId(), requestId, customerId, RETURNING_BUYER_TEXT.version, RETURNING_BUYER_TEXT.text],
  });
}
