import { z } from "zod";
import { env } from "~/env.js";
import { db } from "~/server/db";
import { open } from "~/server/crypto";
import { AppError } from "~/server/errors";
import { defineJob } from "~/server/jobs/define";
import { enqueue } from "~/server/jobs/queue";
import { mailer } from "~/modules/notifications/mailer";
import { checkWebhookUrl, type Resolver } from "~/modules/webhooks/ssrf";
import { SIGNATURE_HEADER, signWebhook } from "~/modules/webhooks/signature";
import { post, ROTATION_OVERLAP_MS, webhookMaxAttempts, webhookRetryDelayMs } from "~/modules/webhooks/deliver";
import { firstLeadAdf, resendLeadAdf } from "./lead-document";
import { CRM_DELIVER_QUEUE } from "./queues";

/** Sent with every attempt of one delivery: CRM endpoints de-duplicate on it. */
export const DELIVERY_ID_HEADER = "Keyturn-Delivery-Id";
export const NO_GRANT = "The buyer's consent to share their contact is no longer valid (revoked or expired); nothing was sent.";

export type CrmDeps = { resolver?: Resolver; random?: () => number; jobId?: string };

type Outcome = { ok: true; statusCode?: number } | { ok: false; error: string; statusCode?: number; final?: "FAILED" | "BOUNCED" };

/**
 * One attempt at one ADF delivery (job "crm.deliver"), on the lender-webhook pattern: the row is claimed
 * by a conditional UPDATE that holds it for the attempt's bounded time (two workers never send the same
 * attempt), failures schedule the next attempt as a new job on WEBHOOK_RETRY_SCHEDULE, and when the
 * schedule runs out the delivery is FAILED until the dealer redrives it. The document is built at each
 * attempt: a resend reads the buyer's contact through their grant right then, so a revocation between
 * attempts stops it.
 */
export async function deliverCrm(deliveryId: string, deps: CrmDeps = {}) {
  const holdSeconds = env.WEBHOOK_TIMEOUT_SECONDS + 5;
  const [d] = await db.$queryRaw<{ attempts: number; dealerId: string; leadId: string; kind: "FIRST" | "RESEND"; channel: "EMAIL" | "HTTP"; target: string }[]>`
    UPDATE "CrmDelivery" SET "attempts" = "attempts" + 1, "nextAttemptAt" = now() + make_interval(secs => ${holdSeconds}), "updatedAt" = now()
    WHERE "id" = ${deliveryId} AND "status" = 'QUEUED' AND "nextAttemptAt" <= now()
    RETURNING "attempts", "dealerId", "leadId", "kind", "channel", "target"`;
  if (!d) {
    // Queued but not due: held by an attempt in flight (or one whose worker died). Come back when the
    // hold ends, unless another job already will.
    await db.$executeRaw`
      INSERT INTO "Job" ("id", "queue", "payload", "runAt", "maxAttempts")
      SELECT gen_random_uuid()::text, ${CRM_DELIVER_QUEUE}, jsonb_build_object('deliveryId', d."id"), d."nextAttemptAt", 3
      FROM "CrmDelivery" d
      WHERE d."id" = ${deliveryId} AND d."status" = 'QUEUED'
        AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."queue" = ${CRM_DELIVER_QUEUE} AND j."status" = 'PENDING'
                          AND j."payload"->>'deliveryId' = d."id" AND j."id" <> ${deps.jobId ?? ""})`;
    return { sent: false as const };
  }

  let doc: { xml: string; alias: string } | null = null;
  try {
    doc = d.kind === "FIRST" ? await firstLeadAdf(d.leadId) : await resendLeadAdf(d.leadId);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "NOT_FOUND") throw e; // a database error: the job retries
  }
  const outcome: Outcome = !doc
    ? { ok: false, error: NO_GRANT, final: "FAILED" }
    : d.channel === "EMAIL"
      ? await sendEmail(deliveryId, d, doc)
      : await sendHttp(deliveryId, d, doc.xml, deps);

  await db.$transaction(async (tx) => {
    if (outcome.ok) {
      await tx.crmDelivery.update({ where: { id: deliveryId }, data: { status: "SENT", sentAt: new Date(), lastStatusCode: outcome.statusCode ?? null, lastError: null } });
      return;
    }
    const final = outcome.final ?? (d.attempts >= webhookMaxAttempts() ? "FAILED" : null);
    const nextAttemptAt = new Date(Date.now() + webhookRetryDelayMs(d.attempts, deps.random));
    await tx.crmDelivery.update({
      where: { id: deliveryId },
      data: { status: final ?? "QUEUED", lastStatusCode: outcome.statusCode ?? null, lastError: outcome.error.slice(0, 500), nextAttemptAt },
    });
    if (!final) await enqueue(tx, CRM_DELIVER_QUEUE, { deliveryId }, { runAt: nextAttemptAt, maxAttempts: 3 });
  });
  return { sent: outcome.ok, error: "error" in outcome ? outcome.error : null };
}

/**
 * ADF by email: text/plain, the body only the XML, as CRMs expect. The OutboundEmail row (the outbox,
 * shown on the admin mail page) is keyed by the delivery and written before sending, so an attempt after
 * a send that went through but was not recorded sends nothing again.
 */
async function sendEmail(deliveryId: string, d: { kind: "FIRST" | "RESEND"; target: string }, doc: { xml: string; alias: string }): Promise<Outcome> {
  const subject = d.kind === "FIRST" ? `ADF lead from Keyturn: ${doc.alias}` : `ADF lead from Keyturn: ${doc.alias} accepted your quote (contact details)`;
  const outbox = await db.outboundEmail.upsert({
    where: { id: `crm_${deliveryId}` },
    create: { id: `crm_${deliveryId}`, to: d.target, subject, text: doc.xml },
    update: { text: doc.xml },
    select: { id: true, to: true, subject: true, text: true, sentAt: true },
  });
  if (outbox.sentAt) return { ok: true };
  try {
    await mailer().send({ to: outbox.to, subject: outbox.subject, text: outbox.text });
    await db.outboundEmail.update({ where: { id: outbox.id }, data: { sentAt: new Date(), error: null } });
    return { ok: true };
  } catch (e) {
    const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    await db.outboundEmail.update({ where: { id: outbox.id }, data: { error } });
    // A 5xx answer from the mail server refuses the address for good (SMTP permanent failure): retrying
    // would only be refused again, so the delivery is BOUNCED. Anything else is retried.
    const code = (e as { responseCode?: unknown }).responseCode;
    const bounced = typeof code === "number" && code >= 500 && code < 600;
    return { ok: false, error: bounced ? `Bounced: ${error}` : error, final: bounced ? "BOUNCED" : undefined };
  }
}

/** ADF by HTTP: POST application/xml, signed like lender webhooks, SSRF-checked again right before sending. */
async function sendHttp(deliveryId: string, d: { dealerId: string; target: string }, xml: string, deps: CrmDeps): Promise<Outcome> {
  const secret = await db.dealerCrmSecret.findUnique({ where: { dealerId: d.dealerId }, select: { secret: true, secretPrev: true, secretRotatedAt: true } });
  if (!secret) return { ok: false, error: "No signing secret: save the endpoint again." };
  const check = await checkWebhookUrl(d.target, { allowLocalhost: env.WEBHOOK_ALLOW_LOCALHOST, resolver: deps.resolver });
  if (!check.ok) return { ok: false, error: `Refused: ${check.reason}` };
  const secrets = [open(secret.secret)];
  if (secret.secretPrev && secret.secretRotatedAt && Date.now() - secret.secretRotatedAt.getTime() < ROTATION_OVERLAP_MS) secrets.push(open(secret.secretPrev));
  try {
    const statusCode = await post(check.url, xml, check.addresses, {
      "content-type": "application/xml; charset=utf-8",
      "user-agent": "Keyturn-CRM/1",
      [SIGNATURE_HEADER]: signWebhook(xml, secrets),
      [DELIVERY_ID_HEADER]: deliveryId,
      "Idempotency-Key": deliveryId,
    });
    if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode };
    return { ok: false, statusCode, error: statusCode >= 300 && statusCode < 400 ? `Redirect (${statusCode}) not followed` : `HTTP ${statusCode}` };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export const deliverCrmJob = defineJob({
  id: CRM_DELIVER_QUEUE,
  pool: "webhooks",
  schema: z.object({ deliveryId: z.string() }),
  maxAttempts: 3,
  handler: async ({ deliveryId }, { jobId }) => {
    await deliverCrm(deliveryId, { jobId });
  },
});
