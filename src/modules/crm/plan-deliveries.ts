import { z } from "zod";
import type { CrmDeliveryKind } from "~/generated/prisma/enums";
import { db, type Tx } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { publishMany, topics } from "~/server/realtime";
import { CRM_DELIVER_QUEUE, CRM_PLAN_LEADS_QUEUE, CRM_PLAN_RESEND_QUEUE } from "./queues";

/**
 * Writes one CrmDelivery per (lead, CRM target) and its first job, in one transaction. The unique
 * (lead, kind, channel, target) index makes a second run plan nothing, so the job may run again freely.
 * Targets are read now: an address added later does not receive leads that were already planned.
 */
async function plan(tx: Tx, leadIds: string[], kind: CrmDeliveryKind): Promise<number> {
  const leads = await tx.lead.findMany({
    where: { id: { in: leadIds }, dealer: { OR: [{ crmEndpoint: { not: null } }, { crmAddresses: { some: {} } }] } },
    select: { id: true, dealerId: true, dealer: { select: { crmEndpoint: true, crmAddresses: { select: { email: true }, orderBy: { createdAt: "asc" } } } } },
  });
  const rows = leads.flatMap((l) => [
    ...l.dealer.crmAddresses.map((a) => ({ leadId: l.id, dealerId: l.dealerId, kind, channel: "EMAIL" as const, target: a.email })),
    ...(l.dealer.crmEndpoint ? [{ leadId: l.id, dealerId: l.dealerId, kind, channel: "HTTP" as const, target: l.dealer.crmEndpoint }] : []),
  ]);
  if (rows.length === 0) return 0;
  const created = await tx.crmDelivery.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
  if (created.length === 0) return 0;
  // Each attempt is a job of its own (as for lender webhooks): the delivery row, not the job, counts attempts.
  await tx.job.createMany({ data: created.map((d) => ({ queue: CRM_DELIVER_QUEUE, payload: { deliveryId: d.id }, maxAttempts: 3 })) });
  await publishMany([{ topic: topics.jobs, type: CRM_DELIVER_QUEUE }], tx);
  return created.length;
}

/** The first ADF of every lead a request fanned out to, for the dealers with a CRM address or endpoint. */
export async function planLeadDeliveries(requestId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const leads = await tx.lead.findMany({ where: { requestId, status: { notIn: ["CLOSED", "PASSED"] } }, select: { id: true } });
    return plan(tx, leads.map((l) => l.id), "FIRST");
  });
}

/**
 * The resend after acceptance: only for the lead the buyer accepted (status WON, and the deal names its
 * dealer). Any other lead plans nothing, whatever the payload says.
 */
export async function planResend(leadId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({ where: { id: leadId }, select: { status: true, dealerId: true, request: { select: { deal: { select: { dealerId: true } } } } } });
    if (!lead || lead.status !== "WON" || lead.request.deal?.dealerId !== lead.dealerId) return 0;
    return plan(tx, [leadId], "RESEND");
  });
}

export const planLeadDeliveriesJob = defineJob({
  id: CRM_PLAN_LEADS_QUEUE,
  pool: "notifications",
  schema: z.object({ requestId: z.string() }),
  maxAttempts: 8,
  backoffMs: 2_000,
  handler: async ({ requestId }) => {
    await planLeadDeliveries(requestId);
  },
});

export const planResendJob = defineJob({
  id: CRM_PLAN_RESEND_QUEUE,
  pool: "notifications",
  schema: z.object({ leadId: z.string() }),
  maxAttempts: 8,
  backoffMs: 2_000,
  handler: async ({ leadId }) => {
    await planResend(leadId);
  },
});
