import { z } from "zod";
import { db } from "~/server/db";
import { badRequest, conflict, isUniqueViolation, notFound } from "~/server/errors";
import { enforceRateLimit } from "~/server/rate-limit";
import type { Actor } from "~/server/auth/session";
import { counterIncrements, REASON_KEYS } from "./reasons";

export const COMMENT_MAX = 1000;
/** A buyer has at most a few deals; more ratings than this in an hour is a script, not a person. */
export const RATING_LIMIT = { count: 10, windowSeconds: 3600 };

export const ZRateDealInput = z
  .object({
    dealId: z.string().min(1).max(40),
    target: z.enum(["DEALER", "LENDER"]),
    stars: z.number({ error: "Pick 1 to 5 stars." }).int("Pick 1 to 5 stars.").min(1, "Pick 1 to 5 stars.").max(5, "Pick 1 to 5 stars."),
    reasons: z.array(z.enum(REASON_KEYS, { error: "Pick reasons from the list." })).max(REASON_KEYS.length).default([]),
    comment: z.string().trim().max(COMMENT_MAX, "Keep your comment to 1,000 characters or fewer.").optional(),
    signed: z.boolean().default(false),
  })
  .strict();
export type TRateDealInput = z.input<typeof ZRateDealInput>;

/** Delivered, whatever the buyer then said about the final price: these outcomes have a deliveredOn. */
const DELIVERED = ["CONFIRMED", "DISPUTED", "AWAITING_BUYER"] as const;

/**
 * The buyer rates the dealer or the lender of their own delivered deal, once each (the unique (deal, target)
 * key enforces it). A dealer rating raises the dealer's counters in the same transaction, so the inbox never
 * scans ratings. Signing copies the buyer's first name now; unsigned ratings store no name at all.
 */
export async function rateDeal({ actor, ...raw }: TRateDealInput & { actor: Actor }) {
  const { dealId, target, stars, reasons, comment, signed } = ZRateDealInput.parse(raw);
  const deal = await db.deal.findFirst({
    where: { id: dealId, customerId: actor.userId },
    select: { id: true, dealerId: true, lenderId: true, outcome: true, deliveredOn: true, customer: { select: { profile: { select: { firstName: true } } } } },
  });
  if (!deal) throw notFound("Deal not found.");
  if (!deal.deliveredOn || !DELIVERED.includes(deal.outcome as (typeof DELIVERED)[number])) {
    throw badRequest(deal.outcome === "NOT_DELIVERED" ? "This deal ended without a delivery, so there is nothing to rate." : "You can rate once the dealer has recorded the delivery.");
  }
  if (target === "LENDER" && !deal.lenderId) throw badRequest("This deal has no lender to rate.");
  const ticked = [...new Set(reasons)];
  try {
    return await db.$transaction(async (tx) => {
      // Counted inside the transaction: a refused rating (a duplicate) costs nothing of the budget.
      await enforceRateLimit(`rating:user:${actor.userId}`, RATING_LIMIT.count, RATING_LIMIT.windowSeconds, "ratings", tx);
      const rating = await tx.rating.create({
        data: {
          dealId,
          customerId: actor.userId,
          target,
          dealerId: target === "DEALER" ? deal.dealerId : null,
          lenderId: target === "LENDER" ? deal.lenderId : null,
          stars,
          comment: comment || null,
          ...Object.fromEntries(REASON_KEYS.map((k) => [k, ticked.includes(k)])),
          signedName: signed ? (deal.customer.profile?.firstName ?? null) : null,
        },
        select: { id: true, target: true, stars: true, comment: true, createdAt: true },
      });
      if (target === "DEALER") await tx.dealer.update({ where: { id: deal.dealerId }, data: counterIncrements(stars, ticked), select: { id: true } });
      return rating;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`You already rated this ${target === "DEALER" ? "dealer" : "lender"} for this deal.`);
    throw e;
  }
}
