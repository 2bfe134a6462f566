import { env } from "~/env.js";
import { db } from "~/server/db";
import { badRequest, notFound } from "~/server/errors";
import { open, seal } from "~/server/crypto";
import { checkWebhookUrl, type Resolver } from "~/modules/webhooks/ssrf";
import { newWebhookSecret } from "~/modules/webhooks/signature";
import { ROTATION_OVERLAP_MS } from "~/modules/webhooks/deliver";
import { MAX_CRM_ADDRESSES } from "./schemas";

// A dealer's CRM settings. Callers (the crm router) let owners only: these decide where leads go.

export async function getCrmSettings(dealerId: string) {
  const d = await db.dealer.findUniqueOrThrow({
    where: { id: dealerId },
    select: {
      crmEndpoint: true,
      crmAddresses: { select: { id: true, email: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      crmSecret: { select: { secret: true, secretPrev: true, secretRotatedAt: true } },
    },
  });
  const s = d.crmSecret;
  const rotating = !!s?.secretPrev && !!s.secretRotatedAt && Date.now() - s.secretRotatedAt.getTime() < ROTATION_OVERLAP_MS;
  return {
    // "address", not "email": no dealer-facing response carries an "email" key (the PII walk checks keys).
    addresses: d.crmAddresses.map((a) => ({ id: a.id, address: a.email, createdAt: a.createdAt })),
    maxAddresses: MAX_CRM_ADDRESSES,
    endpoint: d.crmEndpoint,
    // The last characters identify the secret without revealing it.
    secretHint: s ? `whsec_…${open(s.secret).slice(-4)}` : null,
    rotatingUntil: rotating ? new Date(s!.secretRotatedAt!.getTime() + ROTATION_OVERLAP_MS) : null,
  };
}

export async function addCrmAddress(dealerId: string, email: string) {
  return db.$transaction(async (tx) => {
    // Serialises two adds by the same dealer, so the limit holds.
    await tx.$queryRaw`SELECT 1 FROM "Dealer" WHERE "id" = ${dealerId} FOR UPDATE`;
    const count = await tx.dealerCrmAddress.count({ where: { dealerId } });
    if (count >= MAX_CRM_ADDRESSES) throw badRequest(`You can have at most ${MAX_CRM_ADDRESSES} CRM addresses. Remove one first.`, { email: `At most ${MAX_CRM_ADDRESSES} addresses.` });
    const created = await tx.dealerCrmAddress.createManyAndReturn({ data: [{ dealerId, email }], skipDuplicates: true, select: { id: true, email: true } });
    if (created.length === 0) throw badRequest("That address is already on the list.", { email: "That address is already on the list." });
    return { id: created[0]!.id, address: created[0]!.email };
  });
}

/** Another dealer's address id is NOT_FOUND, like one that does not exist. */
export async function removeCrmAddress(dealerId: string, id: string) {
  const { count } = await db.dealerCrmAddress.deleteMany({ where: { id, dealerId } });
  if (count === 0) throw notFound("No such CRM address.");
  return { ok: true };
}

/**
 * Saves the HTTP endpoint after the same SSRF check as lender webhooks (and checked again at every
 * send). The first save creates the signing secret, returned this once; null removes the endpoint.
 */
export async function saveCrmEndpoint(dealerId: string, rawUrl: string | null, resolver?: Resolver) {
  if (!rawUrl) {
    await db.dealer.update({ where: { id: dealerId }, data: { crmEndpoint: null } });
    return { url: null, secret: null };
  }
  const check = await checkWebhookUrl(rawUrl, { allowLocalhost: env.WEBHOOK_ALLOW_LOCALHOST, resolver });
  if (!check.ok) throw badRequest(check.reason, { url: check.reason });
  const url = check.url.toString();
  return db.$transaction(async (tx) => {
    const current = await tx.dealerCrmSecret.findUnique({ where: { dealerId }, select: { dealerId: true } });
    const secret = current ? null : newWebhookSecret();
    if (secret) await tx.dealerCrmSecret.create({ data: { dealerId, secret: seal(secret) } });
    await tx.dealer.update({ where: { id: dealerId }, data: { crmEndpoint: url } });
    return { url, secret };
  });
}

/** A new secret now; the old one keeps signing alongside it for a day, so the CRM can switch over. */
export async function rotateCrmSecret(dealerId: string) {
  const secret = newWebhookSecret();
  await db.$transaction(async (tx) => {
    const s = await tx.dealerCrmSecret.findUnique({ where: { dealerId }, select: { secret: true } });
    if (!s) throw badRequest("Save an endpoint first: its secret is created then.");
    await tx.dealerCrmSecret.update({ where: { dealerId }, data: { secret: seal(secret), secretPrev: s.secret, secretRotatedAt: new Date() } });
  });
  return { secret };
}
