import type { Prisma } from "~/generated/prisma/client";
import type { CrmDeliveryStatus } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import { enqueue } from "~/server/jobs/queue";
import { firstLeadAdf } from "./lead-document";
import { CRM_DELIVER_QUEUE } from "./queues";

// The delivery log a dealer sees: its own rows only, and never buyer data (the alias names the lead).
const dealerCrmDeliverySelect = {
  id: true,
  leadId: true,
  kind: true,
  channel: true,
  target: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastError: true,
  nextAttemptAt: true,
  sentAt: true,
  createdAt: true,
  lead: { select: { buyerAlias: true } },
} satisfies Prisma.CrmDeliverySelect;

export async function listCrmDeliveries(dealerId: string, status?: CrmDeliveryStatus) {
  return db.crmDelivery.findMany({
    where: { dealerId, ...(status ? { status } : {}) },
    select: dealerCrmDeliverySelect,
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

const NO_DELIVERY = "No such CRM delivery.";

/**
 * One delivery, with the document for a first delivery (rebuilt: it holds no buyer data). A resend's
 * document is not shown again: showing it would be another read of the buyer's contact.
 */
export async function getCrmDelivery(dealerId: string, id: string) {
  const d = await db.crmDelivery.findFirst({ where: { id, dealerId }, select: dealerCrmDeliverySelect });
  if (!d) throw notFound(NO_DELIVERY);
  return { ...d, document: d.kind === "FIRST" ? (await firstLeadAdf(d.leadId)).xml : null };
}

/**
 * Sends a failed delivery again now, from attempt one, with the same delivery id (the CRM still
 * de-duplicates). Another dealer's delivery, or one that did not fail, is NOT_FOUND like a missing id.
 */
export async function redriveCrmDelivery(dealerId: string, id: string) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.crmDelivery.updateMany({
      where: { id, dealerId, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null, lastStatusCode: null },
    });
    if (count === 0) throw notFound("No failed CRM delivery with this id to redrive.");
    await enqueue(tx, CRM_DELIVER_QUEUE, { deliveryId: id }, { maxAttempts: 3 });
    return { ok: true };
  });
}
