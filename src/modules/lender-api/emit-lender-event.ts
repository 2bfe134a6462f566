import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { publish, topics } from "~/server/realtime";

export type LenderEventType = "pre_approval.requested" | "pre_approval.cancelled" | "quote.revised" | "consent.revoked" | "deal.accepted";

/**
 * Records an event for a lender in the caller's transaction. If the lender has a webhook endpoint, a
 * delivery row and its job are written too, so the event survives a crash and is delivered at least once.
 * Receivers de-duplicate on the event id.
 */
export async function emitLenderEvent(tx: Tx, input: { lenderId: string; type: LenderEventType; data: Prisma.InputJsonObject }) {
  // The lender's console updates live on every event, webhook or not.
  await publish({ topic: topics.lender(input.lenderId), type: input.type, id: String(input.data.pre_approval_id ?? input.lenderId) }, tx);
  const lender = await tx.lender.findUnique({ where: { id: input.lenderId }, select: { webhookUrl: true } });
  const eventId = `evt_${randomUUID().replace(/-/g, "")}`;
  if (!lender?.webhookUrl) return { eventId, delivered: false as const };
  const payload = { id: eventId, type: input.type, created: new Date().toISOString(), data: input.data };
  const delivery = await tx.webhookDelivery.create({
    data: { lenderId: input.lenderId, eventId, eventType: input.type, payload },
    select: { id: true },
  });
  await enqueue(tx, "webhook.deliver", { deliveryId: delivery.id }, { maxAttempts: 1 });
  return { eventId, delivered: true as const };
}
