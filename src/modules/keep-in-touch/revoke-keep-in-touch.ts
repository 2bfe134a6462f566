import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import type { Actor } from "~/server/auth/session";
import { publish, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";

export const KEEP_IN_TOUCH_REVOKED = "The buyer revoked their keep-in-touch grant. You can answer their messages, but not start a conversation.";

/**
 * The buyer takes the grant back. The row is locked FOR UPDATE, as authorize-dealer-message locks it, so
 * a message being sent either committed before the revocation or is refused after it. The dealer's open
 * pages are pushed the change, and its people are told in-app, in the same transaction.
 */
export async function revokeKeepInTouch({ actor, grantId }: { actor: Actor; grantId: string }) {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; revokedAt: Date | null; dealerId: string; leadId: string }[]>`
      SELECT id, "revokedAt", "dealerId", "leadId" FROM "KeepInTouchGrant" WHERE id = ${grantId} AND "customerId" = ${actor.userId} FOR UPDATE`;
    const grant = locked[0];
    if (!grant) throw notFound("That grant was not found.");
    if (grant.revokedAt) return { revokedAt: grant.revokedAt };
    const now = new Date();
    await tx.keepInTouchGrant.update({ where: { id: grantId }, data: { revokedAt: now }, select: { id: true } });
    const lead = await tx.lead.findUniqueOrThrow({ where: { id: grant.leadId }, select: { buyerAlias: true, dealer: { select: { members: { select: { userId: true } } } } } });
    for (const m of lead.dealer.members) {
      await notify(tx, { userId: m.userId, kind: "keep_in_touch.revoked", title: `${lead.buyerAlias} revoked their keep-in-touch grant`, body: KEEP_IN_TOUCH_REVOKED, link: `/dealer/leads/${grant.leadId}`, email: false });
    }
    await publish({ topic: topics.dealer(grant.dealerId), type: "keep-in-touch.revoked", id: grant.leadId }, tx);
    await publish({ topic: topics.lead(grant.leadId), type: "keep-in-touch.revoked", id: grant.leadId }, tx);
    return { revokedAt: now };
  });
}
