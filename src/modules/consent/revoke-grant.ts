import { emitLenderEvent } from "~/modules/lender-api/emit-lender-event";
import { eraseBureauCreditIfUnshared } from "~/modules/vault/retention";
import { db, type Tx } from "~/server/db";
import { notFound } from "~/server/errors";
import { publish, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";

export const CONTACT_REVOKED = "The buyer stopped sharing their contact details with you. They are no longer shown here.";

/**
 * The customer takes a key back. In one transaction: the grant stops working (the next read is refused,
 * readCustomerData checks on every call), copies already shared are marked for deletion, every lender
 * the grant covered is told through `consent.revoked`, pre-approvals still waiting on it are cancelled,
 * and a bureau score that is no longer shared with anyone is deleted.
 */
export async function revokeGrant(customerId: string, grantId: string) {
  return db.$transaction(async (tx) => {
    // FOR UPDATE waits for reads holding the grant FOR SHARE, so no read can straddle the revocation.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ConsentGrant" WHERE id = ${grantId} AND "customerId" = ${customerId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("That key was not found.");
    const grant = await tx.consentGrant.findUniqueOrThrow({
      where: { id: grantId },
      select: { id: true, granteeType: true, lenderIds: true, dealerId: true, fields: true, requestId: true, revokedAt: true, expiresAt: true },
    });
    if (grant.revokedAt) return { revokedAt: grant.revokedAt, lendersTold: 0, preApprovalsCancelled: 0 };

    const now = new Date();
    await tx.consentGrant.update({ where: { id: grantId }, data: { revokedAt: now, deletionRequestedAt: now }, select: { id: true } });

    let lendersTold = 0;
    let preApprovalsCancelled = 0;
    if (grant.granteeType === "ALL_LENDERS" || grant.granteeType === "LENDERS") {
      const covers = grant.granteeType === "ALL_LENDERS" ? undefined : { in: grant.lenderIds };
      // "Covered" = named in the grant, asked to decide under it, or actually read under it.
      const [asked, readers] = await Promise.all([
        grant.requestId
          ? tx.preApproval.findMany({ where: { requestId: grant.requestId, lenderId: covers }, select: { lenderId: true } })
          : Promise.resolve([]),
        tx.accessLog.findMany({ where: { grantId, actorType: "LENDER" }, select: { actorId: true }, distinct: ["actorId"] }),
      ]);
      const lenderIds = [...new Set([...grant.lenderIds, ...asked.map((p) => p.lenderId), ...readers.map((r) => r.actorId)])];
      for (const lenderId of lenderIds) {
        await emitLenderEvent(tx, {
          lenderId,
          type: "consent.revoked",
          data: { grantId, requestId: grant.requestId, fields: grant.fields, revokedAt: now.toISOString(), deleteSharedData: true },
        });
      }
      lendersTold = lenderIds.length;
      if (grant.requestId) {
        const { count } = await tx.preApproval.updateMany({
          where: { requestId: grant.requestId, status: "PENDING", lenderId: covers },
          data: { status: "CANCELLED" },
        });
        preApprovalsCancelled = count;
      }
    }
    if (grant.granteeType === "DEALER" && grant.dealerId && grant.requestId) await tellDealer(tx, grant.dealerId, grant.requestId);
    if (grant.fields.includes("CREDIT")) await eraseBureauCreditIfUnshared(tx, customerId, now);
    return { revokedAt: now, lendersTold, preApprovalsCancelled };
  });
}

/**
 * The dealer's open lead page drops the contact at once (pushed on its live topic, keyed by the lead so
 * the page knows it is its own), and its people are told why, in the same transaction as the revocation.
 */
async function tellDealer(tx: Tx, dealerId: string, requestId: string) {
  const lead = await tx.lead.findUnique({
    where: { requestId_dealerId: { requestId, dealerId } },
    select: { id: true, buyerAlias: true, dealer: { select: { members: { select: { userId: true } } } } },
  });
  if (!lead) return;
  for (const m of lead.dealer.members) {
    await notify(tx, { userId: m.userId, kind: "consent.revoked", title: `${lead.buyerAlias} stopped sharing their contact details`, body: CONTACT_REVOKED, link: `/dealer/leads/${lead.id}`, email: false });
  }
  await publish({ topic: topics.dealer(dealerId), type: "consent.revoked", id: lead.id }, tx);
  await publish({ topic: topics.lead(lead.id), type: "consent.revoked", id: lead.id }, tx);
}
