import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { env } from "~/env.js";
import { db } from "~/server/db";
import { open } from "~/server/crypto";
import { enqueue } from "~/server/jobs/queue";
import { backoffDelayMs } from "~/server/jobs/backoff";
import { checkWebhookUrl, type Resolver } from "~/modules/webhooks/ssrf";
import { SIGNATURE_HEADER, signWebhook } from "~/modules/webhooks/signature";

export const WEBHOOK_MAX_ATTEMPTS = 6;
export const WEBHOOK_BACKOFF_BASE_MS = 30_000;
const TIMEOUT_MS = 10_000;
// The previous secret keeps signing for a day after a rotation so receivers can switch over.
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export type Deps = { resolver?: Resolver; random?: () => number };

/**
 * One attempt at delivering one event (job "webhook.deliver"). The row is claimed with a conditional
 * UPDATE, so two workers never send the same attempt. Failures schedule the next attempt as a new job
 * (exponential backoff with jitter) until WEBHOOK_MAX_ATTEMPTS, then the delivery is DEAD until redriven.
 */
export async function deliverWebhook(deliveryId: string, deps: Deps = {}) {
  const claimed = await db.$queryRaw<{ attempts: number; lenderId: string; payload: unknown }[]>`
    UPDATE "WebhookDelivery" SET "attempts" = "attempts" + 1, "nextAttemptAt" = now() + interval '2 minutes'
    WHERE "id" = ${deliveryId} AND "status" = 'PENDING' AND "nextAttemptAt" <= now()
    RETURNING "attempts", "lenderId", "payload"`;
  const d = claimed[0];
  if (!d) return { sent: false as const };

  const lender = await db.lender.findUniqueOrThrow({
    where: { id: d.lenderId },
    select: { webhookUrl: true, webhookSecret: true, webhookSecretPrev: true, webhookSecretRotatedAt: true },
  });
  const body = JSON.stringify(d.payload);
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;

  if (!lender.webhookUrl || !lender.webhookSecret) error = "No webhook endpoint is configured.";
  else {
    const check = await checkWebhookUrl(lender.webhookUrl, { allowLocalhost: env.WEBHOOK_ALLOW_LOCALHOST, resolver: deps.resolver });
    if (!check.ok) error = `Refused: ${check.reason}`;
    else {
      try {
        const secrets = [open(lender.webhookSecret)];
        if (lender.webhookSecretPrev && lender.webhookSecretRotatedAt && Date.now() - lender.webhookSecretRotatedAt.getTime() < ROTATION_OVERLAP_MS) {
          secrets.push(open(lender.webhookSecretPrev));
        }
        statusCode = await post(check.url, body, check.addresses, { [SIGNATURE_HEADER]: signWebhook(body, secrets) });
        if (statusCode < 200 || statusCode >= 300) error = statusCode >= 300 && statusCode < 400 ? `Redirect (${statusCode}) not followed` : `HTTP ${statusCode}`;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
  }
  const durationMs = Date.now() - started;

  await db.$transaction(async (tx) => {
    if (!error) {
      await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "DELIVERED", deliveredAt: new Date(), lastStatusCode: statusCode, lastDurationMs: durationMs, lastError: null } });
      return;
    }
    const dead = d.attempts >= WEBHOOK_MAX_ATTEMPTS;
    const nextAttemptAt = new Date(Date.now() + backoffDelayMs(d.attempts, WEBHOOK_BACKOFF_BASE_MS, deps.random));
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: dead ? "DEAD" : "PENDING", lastStatusCode: statusCode, lastDurationMs: durationMs, lastError: error.slice(0, 500), nextAttemptAt },
    });
    if (!dead) await enqueue(tx, "webhook.deliver", { deliveryId }, { runAt: nextAttemptAt, maxAttempts: 1 });
  });
  return { sent: !error, statusCode, error };
}

/**
 * POSTs without following redirects, connecting only to the addresses that passed the SSRF check (a
 * second DNS answer between check and connect cannot redirect the request).
 */
function post(url: URL, body: string, addresses: string[], headers: Record<string, string>): Promise<number> {
  const pinned: LookupFunction = (_host, options, cb) => {
    const list = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    if ((options as { all?: boolean }).all) (cb as unknown as (e: null, a: typeof list) => void)(null, list);
    else cb(null, list[0]!.address, list[0]!.family);
  };
  const lib = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        timeout: TIMEOUT_MS,
        headers: { "content-type": "application/json", "user-agent": "Keyturn-Webhooks/1", "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume(); // drain; the response body is not ours to keep
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`Timed out after ${TIMEOUT_MS / 1000}s`)));
    req.on("error", reject);
    req.end(body);
  });
}
