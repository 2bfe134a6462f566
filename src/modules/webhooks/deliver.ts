import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { env } from "~/env.js";
import { db } from "~/server/db";
import { open } from "~/server/crypto";
import { enqueue } from "~/server/jobs/queue";
import { checkWebhookUrl, type Resolver } from "~/modules/webhooks/ssrf";
import { SIGNATURE_HEADER, signWebhook } from "~/modules/webhooks/signature";

/** Attempts before a delivery is dead: the first, then one per step of the retry schedule. */
export const webhookMaxAttempts = () => env.WEBHOOK_RETRY_SCHEDULE.length + 1;
/** The delay after failed attempt `attempt` (1-based): the schedule's step, plus up to 10% jitter. */
export function webhookRetryDelayMs(attempt: number, random = Math.random): number {
  const schedule = env.WEBHOOK_RETRY_SCHEDULE;
  const seconds = schedule[Math.min(attempt, schedule.length) - 1]!;
  return Math.round(seconds * 1000 * (1 + random() * 0.1));
}
const totalTimeoutMs = () => env.WEBHOOK_TIMEOUT_SECONDS * 1000;
const CONNECT_TIMEOUT_MS = 3000;
// The previous secret keeps signing for a day after a rotation so receivers can switch over.
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export type Deps = { resolver?: Resolver; random?: () => number; jobId?: string };

/**
 * One attempt at delivering one event (job "webhook.deliver"). The row is claimed with a conditional
 * UPDATE that holds it for the attempt's bounded time, so two workers never send the same attempt.
 * Failures schedule the next attempt as a new job (WEBHOOK_RETRY_SCHEDULE) until the schedule runs out;
 * then the delivery is DEAD until redriven. A delivery is thus always due with a job, delivered or dead.
 */
export async function deliverWebhook(deliveryId: string, deps: Deps = {}) {
  const holdSeconds = env.WEBHOOK_TIMEOUT_SECONDS + 5;
  const claimed = await db.$queryRaw<{ attempts: number; lenderId: string; payload: unknown }[]>`
    UPDATE "WebhookDelivery" SET "attempts" = "attempts" + 1, "nextAttemptAt" = now() + make_interval(secs => ${holdSeconds})
    WHERE "id" = ${deliveryId} AND "status" = 'PENDING' AND "nextAttemptAt" <= now()
    RETURNING "attempts", "lenderId", "payload"`;
  const d = claimed[0];
  if (!d) {
    // Still pending but not due: held by an attempt in flight, or by one whose worker died mid-request.
    // Come back when the hold ends, unless another job already will (a rerun must never strand it).
    await db.$executeRaw`
      INSERT INTO "Job" ("id", "queue", "payload", "runAt", "maxAttempts")
      SELECT gen_random_uuid()::text, 'webhook.deliver', jsonb_build_object('deliveryId', d."id"), d."nextAttemptAt", 3
      FROM "WebhookDelivery" d
      WHERE d."id" = ${deliveryId} AND d."status" = 'PENDING'
        AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."queue" = 'webhook.deliver' AND j."status" = 'PENDING'
                          AND j."payload"->>'deliveryId' = d."id" AND j."id" <> ${deps.jobId ?? ""})`;
    return { sent: false as const };
  }

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
    const dead = d.attempts >= webhookMaxAttempts();
    const nextAttemptAt = new Date(Date.now() + webhookRetryDelayMs(d.attempts, deps.random));
    await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: dead ? "DEAD" : "PENDING", lastStatusCode: statusCode, lastDurationMs: durationMs, lastError: error.slice(0, 500), nextAttemptAt },
    });
    if (!dead) await enqueue(tx, "webhook.deliver", { deliveryId }, { runAt: nextAttemptAt, maxAttempts: 3 });
  });
  return { sent: !error, statusCode, error };
}

/**
 * POSTs without following redirects, connecting only to the addresses that passed the SSRF check (a
 * second DNS answer between check and connect cannot redirect the request). Connecting may take
 * CONNECT_TIMEOUT_MS and the whole exchange WEBHOOK_TIMEOUT_SECONDS, however slowly the receiver trickles.
 * `headers` override the defaults: CRM deliveries (modules/crm) post application/xml through it.
 */
export function post(url: URL, body: string, addresses: string[], headers: Record<string, string>): Promise<number> {
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
        headers: { "content-type": "application/json", "user-agent": "Keyturn-Webhooks/1", "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume(); // drain; the response body is not ours to keep
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    const total = setTimeout(() => req.destroy(new Error(`No answer within ${totalTimeoutMs() / 1000}s`)), totalTimeoutMs());
    req.on("socket", (socket) => {
      if (!socket.connecting) return; // a kept-alive socket, connected already
      const connect = setTimeout(() => req.destroy(new Error(`Could not connect within ${CONNECT_TIMEOUT_MS / 1000}s`)), CONNECT_TIMEOUT_MS);
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", () => clearTimeout(connect));
      socket.once("close", () => clearTimeout(connect));
    });
    req.on("close", () => clearTimeout(total));
    req.on("error", reject);
    req.end(body);
  });
}
