import { db } from "~/server/db";
import type { Actor } from "~/server/auth/session";

/** The customer's deal page data: where and how to reach the chosen dealer, who to rate and what they already said. */
export async function getDealForCustomer({ actor, requestId }: { actor: Actor; requestId: string }) {
  const deal = await db.deal.findFirst({
    where: { requestId, customerId: actor.userId },
    select: {
      id: true,
      otdCents: true,
      createdAt: true,
      dealer: { select: { name: true, street: true, city: true, state: true, zip: true, phone: true } },
      lender: { select: { name: true } },
      preApproval: { select: { aprBps: true, termMonths: true } },
      quote: { select: { year: true, make: true, model: true, trim: true } },
      // "Contact only through the thread": acceptance shared nothing, and the panel must not say it did.
      request: { select: { threadOnly: true } },
      // Rating opens once the delivery is recorded (rate-deal.ts says which outcomes).
      outcome: true,
      deliveredOn: true,
      ratings: {
        select: {
          target: true, stars: true, comment: true, signedName: true, answer: true, hiddenAt: true, hiddenReason: true,
          priceAsQuoted: true, feesAsQuoted: true, noPressure: true, speed: true, communication: true,
        },
      },
    },
  });
  return deal;
}
