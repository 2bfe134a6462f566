import { db } from "~/server/db";
import { badRequest, notFound } from "~/server/errors";
import type { Actor } from "~/server/auth/session";
import { publish, topics } from "~/server/realtime";
import { KEEP_IN_TOUCH_VERSION, keepInTouchText } from "~/modules/consent/texts";
import { MAX_GRANT_DAYS, REPLY_WINDOW_DAYS } from "./rules";
import type { TGiveKeepInTouchInput } from "./schemas";

const DAY = 86_400_000;

/** The buyer's deal (another buyer's deal is NOT_FOUND, like a missing one), with what a grant needs. */
export async function dealForCustomerOrThrow(customerId: string, dealId: string) {
  const deal = await db.deal.findFirst({
    where: { id: dealId, customerId },
    select: { id: true, dealerId: true, requestId: true, dealer: { select: { name: true } } },
  });
  if (!deal) throw notFound("Deal not found.");
  const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId: deal.requestId, dealerId: deal.dealerId } }, select: { id: true } });
  return { ...deal, leadId: lead.id };
}

/**
 * The buyer lets the dealer they bought from keep in touch on these terms. New terms replace the live
 * grant (revoked in the same transaction, so the partial unique index never sees two), and the dealer's
 * open thread is told to reload.
 */
export async function giveKeepInTouch({ actor, dealId, topics: chosen, capCount, capPeriod, lastDay }: TGiveKeepInTouchInput & { actor: Actor }, now = new Date()) {
  const deal = await dealForCustomerOrThrow(actor.userId, dealId);
  const first = new Date(`${lastDay}T00:00:00.000Z`);
  if (Number.isNaN(first.getTime())) throw badRequest("Choose the last day.", { lastDay: "Choose the last day." });
  // The grant runs through the whole last day (UTC): it ends at the next midnight.
  const endsAt = new Date(first.getTime() + DAY);
  if (endsAt <= now) throw badRequest("The last day must be today or later.", { lastDay: "The last day must be today or later." });
  if (endsAt.getTime() - now.getTime() > MAX_GRANT_DAYS * DAY) {
    throw badRequest("A keep-in-touch grant can last at most 2 years.", { lastDay: "Choose a day at most 2 years from today." });
  }
  const unique = [...new Set(chosen)];
  const text = keepInTouchText({ dealer: deal.dealer.name, topics: unique, capCount, capPeriod, lastDay, replyDays: REPLY_WINDOW_DAYS });
  return db.$transaction(async (tx) => {
    await tx.keepInTouchGrant.updateMany({ where: { dealId: deal.id, revokedAt: null }, data: { revokedAt: now } });
    const grant = await tx.keepInTouchGrant.create({
      data: {
        customerId: actor.userId,
        dealerId: deal.dealerId,
        dealId: deal.id,
        leadId: deal.leadId,
        topics: unique,
        capCount,
        capPeriod,
        endsAt,
        textVersion: KEEP_IN_TOUCH_VERSION,
        textShown: text,
      },
      select: { id: true, topics: true, capCount: true, capPeriod: true, endsAt: true, createdAt: true },
    });
    await publish({ topic: topics.lead(deal.leadId), type: "keep-in-touch.changed", id: deal.leadId }, tx);
    return grant;
  });
}
