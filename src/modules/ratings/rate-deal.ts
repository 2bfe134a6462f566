import { z } from "zod";
import { db } from "~/server/db";
import { badRequest, conflict, isUniqueViolation, notFound } from "~/server/errors";
import type { Actor } from "~/server/auth/session";

export const ZRateDealInput = z
  .object({
    dealId: z.string().min(1).max(40),
    target: z.enum(["DEALER", "LENDER"]),
    stars: z.number().int().min(1, "Pick 1 to 5 stars.").max(5, "Pick 1 to 5 stars."),
    comment: z.string().trim().max(1000, "Keep it under 1,000 characters.").optional(),
  })
  .strict();
export type TRateDealInput = z.infer<typeof ZRateDealInput>;

/** The customer rates the dealer or the lender of their deal, once each; the unique (deal, target) key enforces it. */
export async function rateDeal({ actor, dealId, target, stars, comment }: TRateDealInput & { actor: Actor }) {
  const deal = await db.deal.findFirst({ where: { id: dealId, customerId: actor.userId }, select: { id: true, dealerId: true, lenderId: true } });
  if (!deal) throw notFound("Deal not found.");
  if (target === "LENDER" && !deal.lenderId) throw badRequest("This deal has no lender to rate.");
  try {
    return await db.rating.create({
      data: {
        dealId,
        customerId: actor.userId,
        target,
        dealerId: target === "DEALER" ? deal.dealerId : null,
        lenderId: target === "LENDER" ? deal.lenderId : null,
        stars,
        comment: comment || null,
      },
      select: { id: true, target: true, stars: true, comment: true, createdAt: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`You already rated this ${target === "DEALER" ? "dealer" : "lender"} for this deal.`);
    throw e;
  }
}
