import { CREDIT_SHARE_TEXT } from "~/modules/consent/texts";
import { lookupZip } from "~/modules/geo/zip";
import { badRequest } from "~/server/errors";
import { db, type Tx } from "~/server/db";
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
  };
}

/**
 * Posts a request: the row, the customer's credit-share consent when they gave it, and the fan-out job,
 * all in one transaction, so a request is never posted without reaching dealers (or the reverse).
 */
export async function createRequest(customerId: string, input: CreateRequestInput) {
  const columns = requestColumns(input);
  await enforceRateLimit(`request.create:${customerId}`, 20, 3600, "posting requests");
  const expiresAt = new Date(Date.now() + REQUEST_LIFETIME_DAYS * 86_400_000);
  return db.$transaction(async (tx) => {
    const profile = await tx.customerProfile.findUnique({ where: { userId: customerId }, select: { creditTier: true } });
    const request = await tx.request.create({
      data: { ...columns, customerId, expiresAt, creditTier: profile?.creditTier ?? null },
      select: { id: true },
    });
    if (input.shareCredit) await grantCreditShare(tx, customerId, request.id, expiresAt);
    await enqueue(tx, "request.fan-out", { requestId: request.id });
    return { id: request.id };
  });
}

// Row shape agreed with the consent owner (helper C): one record of the words agreed to, one grant.
async function grantCreditShare(tx: Tx, customerId: string, requestId: string, expiresAt: Date) {
  const consent = await tx.consentRecord.create({
    data: { userId: customerId, kind: "CREDIT_SHARE", textVersion: CREDIT_SHARE_TEXT.version, textShown: CREDIT_SHARE_TEXT.text, requestId },
    select: { id: true },
  });
  await tx.consentGrant.create({
    data: {
      customerId,
      granteeType: "ALL_LENDERS",
      lenderIds: [],
      fields: ["CREDIT", "INCOME"],
      purpose: `Pre-approval for request ${requestId}`,
      requestId,
      consentId: consent.id,
      expiresAt,
    },
  });
}
