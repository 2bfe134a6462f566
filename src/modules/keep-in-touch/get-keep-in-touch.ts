import { db } from "~/server/db";
import type { Actor } from "~/server/auth/session";
import { dealForCustomerOrThrow } from "./give-keep-in-touch";

/** The live grant on the buyer's deal, for the deal panel's form; null when there is none. */
export async function getKeepInTouchForDeal({ actor, dealId }: { actor: Actor; dealId: string }, now = new Date()) {
  const deal = await dealForCustomerOrThrow(actor.userId, dealId);
  const grant = await db.keepInTouchGrant.findFirst({
    where: { dealId: deal.id, revokedAt: null },
    select: { id: true, topics: true, capCount: true, capPeriod: true, endsAt: true, createdAt: true, textShown: true },
  });
  return { dealerName: deal.dealer.name, grant: grant && grant.endsAt > now ? grant : null, ended: grant && grant.endsAt <= now ? grant.endsAt : null };
}
