import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { publishMany, topics } from "~/server/realtime";
import type { BodyType } from "~/generated/prisma/enums";
import { bodyTypeLabel } from "~/modules/requests/schemas";
import { usd } from "./eligibility";

export const NOTIFY_DEALERS_QUEUE = "leads.notify-dealers";

/** "a new SUV", "an SUV", "a used truck". */
export function aVehicle(bodyType: BodyType, condition: "NEW" | "USED" | "ANY") {
  const kind = bodyType === "SUV" ? "SUV" : bodyTypeLabel[bodyType].toLowerCase();
  const words = `${condition === "ANY" ? "" : `${condition.toLowerCase()} `}${kind}`;
  return `${/^(SUV|[aeiou])/i.test(words) ? "an" : "a"} ${words}`;
}

/**
 * Tells every member of each dealer that received a lead on a request: an in-app notification linking to
 * the lead, a live event for open pages, and an email through the outbox (unless they opted out). The
 * fan-out enqueues it in its own transaction and stays fast; this job marks each lead notified in the
 * transaction that writes its notifications, so a retry tells nobody twice. No buyer identity is in it:
 * what it says is what the lead page shows.
 */
export const notifyDealersOfLeads = defineJob({
  id: NOTIFY_DEALERS_QUEUE,
  pool: "notifications",
  schema: z.object({ requestId: z.string() }),
  maxAttempts: 8,
  backoffMs: 2_000,
  handler: async ({ requestId }) => {
    await db.$transaction(async (tx) => {
      const leads = await tx.lead.updateManyAndReturn({
        where: { requestId, notifiedAt: null, status: { in: ["NEW", "VIEWED"] } },
        data: { notifiedAt: new Date() },
        select: { id: true, dealerId: true, distanceMiles: true },
      });
      if (leads.length === 0) return;
      const r = await tx.request.findUniqueOrThrow({
        where: { id: requestId },
        select: { bodyType: true, condition: true, city: true, state: true, maxPriceCents: true, maxMonthlyCents: true },
      });
      const members = await tx.membership.findMany({ where: { dealerId: { in: leads.map((l) => l.dealerId) } }, select: { userId: true, dealerId: true } });
      const leadOf = new Map(leads.map((l) => [l.dealerId, l]));
      const what = aVehicle(r.bodyType, r.condition);
      const budget = r.maxPriceCents ? `, up to ${usd(r.maxPriceCents)}` : r.maxMonthlyCents ? `, about ${usd(r.maxMonthlyCents)} a month` : "";
      const created = await tx.notification.createManyAndReturn({
        data: members.map((m) => {
          const lead = leadOf.get(m.dealerId!)!;
          return {
            userId: m.userId,
            kind: "lead.new",
            title: `New lead: ${what} near ${r.city}, ${r.state}`,
            body: `A buyer ${lead.distanceMiles < 1 ? "under a mile" : `${Math.round(lead.distanceMiles)} mi`} away wants ${what}${budget}. Quote it before other dealers do.`,
            link: `/dealer/leads/${lead.id}`,
          };
        }),
        select: { id: true, userId: true },
      });
      await tx.job.createMany({ data: created.map((n) => ({ queue: "notification.email", payload: { notificationId: n.id } })) });
      await publishMany(
        [...created.map((n) => ({ topic: topics.user(n.userId), type: "notification", id: n.id })), { topic: topics.jobs, type: "notification.email" }],
        tx,
      );
    });
  },
});
