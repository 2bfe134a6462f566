import { env } from "~/env.js";
import { db } from "~/server/db";
import { badRequest, notFound } from "~/server/errors";
import { open, seal } from "~/server/crypto";
import { enqueue } from "~/server/jobs/queue";
import { checkWebhookUrl, type Resolver } from "~/modules/webhooks/ssrf";
import { newWebhookSecret } from "~/modules/webhooks/signature";
import { ROTATION_OVERLAP_MS } from "~/modules/webhooks/deliver";

export async function getWebhookSettings(lenderId: string) {
  const l = await db.lender.findUniqueOrThrow({ where: { id: lenderId }, select: { webhookUrl: true, webhookSecret: true, webhookSecretPrev: true, webhookSecretRotatedAt: true } });
  const rotating = !!l.webhookSecretPrev && !!l.webhookSecretRotatedAt && Date.now() - l.webhookSecretRotatedAt.getTime() < ROTATION_OVERLAP_MS;
  return {
    url: l.webhookUrl,
    // The secret's last characters identify it without revealing it.
    secretHint: l.webhookSecret ? `whsec_…${open(l.webhookSecret).slice(-4)}` : null,
    rotatingUntil: rotating ? new Date(l.webhookSecretRotatedAt!.getTime() + ROTATION_OVERLAP_MS) : null,
  };
}

/** Saves the endpoint after the SSRF check. A first save creates the signing secret, returned this once. */
export async function saveWebhookUrl(lenderId: string, rawUrl: string | null, resolver?: Resolver) {
  if (!rawUrl) {
    await db.lender.update({ where: { id: lenderId }, data: { webhookUrl: null } });
    return { url: null, secret: null };
  }
  const check = await checkWebhookUrl(rawUrl, { allowLocalhost: env.WEBHOOK_ALLOW_LOCALHOST, resolver });
  if (!check.ok) throw badRequest(check.reason, { url: check.reason });
  const current = await db.lender.findUniqueOrThrow({ where: { id: lenderId }, select: { webhookSecret: true } });
  const secret = current.webhookSecret ? null : newWebhookSecret();
  await db.lender.update({ where: { id: lenderId }, data: { webhookUrl: check.url.toString(), ...(secret ? { webhookSecret: seal(secret) } : {}) } });
  return { url: check.url.toString(), secret };
}

/** New secret now; the old one keeps signing alongside it for a day, so receivers can switch over. */
export async function rotateWebhookSecret(lenderId: string) {
  const secret = newWebhookSecret();
  await db.$transaction(async (tx) => {
    const l = await tx.lender.findUniqueOrThrow({ where: { id: lenderId }, select: { webhookSecret: true } });
    await tx.lender.update({ where: { id: lenderId }, data: { webhookSecret: seal(secret), webhookSecretPrev: l.webhookSecret, webhookSecretRotatedAt: new Date() } });
  });
  return { secret };
}

export async function listDeliveries(lenderId: string, status?: "PENDING" | "DELIVERED" | "DEAD") {
  return db.webhookDelivery.findMany({
    where: { lenderId, ...(status ? { status } : {}) },
    select: { id: true, eventId: true, eventType: true, payload: true, status: true, attempts: true, lastStatusCode: true, lastDurationMs: true, lastError: true, nextAttemptAt: true, deliveredAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/**
 * Sends any undelivered event (dead, or pending on a later retry) again now, from attempt one. Same
 * event id: receivers still de-duplicate.
 */
export async function redriveDelivery(lenderId: string, deliveryId: string) {
  return db.$transaction(async (tx) => {
    const done = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, lenderId, status: { in: ["DEAD", "PENDING"] } },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (done.count === 0) throw notFound("No undelivered event with this id to redrive.");
    await enqueue(tx, "webhook.deliver", { deliveryId }, { maxAttempts: 3 });
    return { ok: true };
  });
}
