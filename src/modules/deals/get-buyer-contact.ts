import { db } from "~/server/db";
import type { Actor } from "~/server/auth/session";
import { AppError, notFound } from "~/server/errors";
import { readCustomerData } from "~/modules/consent/read-customer-data";

export type BuyerContactView =
  | { state: "shared"; contact: { firstName: string; lastName: string; email: string; phone: string | null } }
  | { state: "revoked"; revokedAt: Date }
  | { state: "thread-only" };

/**
 * The accepted dealer's view of its buyer: contact details through the customer's grant (logged in the
 * access log). After the buyer took the key back, it says so (with when), so a reloaded page explains the
 * empty space instead of hiding it. Any other dealer, or this dealer before acceptance, gets NOT_FOUND.
 */
export async function getBuyerContact({ actor, dealerId, leadId }: { actor: Actor; dealerId: string; leadId: string }): Promise<BuyerContactView> {
  const lead = await db.lead.findFirst({
    where: { id: leadId, dealerId },
    select: { requestId: true, request: { select: { customerId: true, threadOnly: true, deal: { select: { dealerId: true } } } } },
  });
  if (!lead || lead.request.deal?.dealerId !== dealerId) throw notFound("No contact details shared with you for this lead.");
  // The buyer's terms: no grant was made at acceptance, so there is nothing to read (and nothing logged).
  if (lead.request.threadOnly) return { state: "thread-only" };
  try {
    const data = await readCustomerData({
      reader: { type: "DEALER", id: dealerId, label: actor.name },
      customerId: lead.request.customerId,
      fields: ["CONTACT"],
      purpose: "Completing the purchase the buyer accepted",
      requestId: lead.requestId,
      channel: "ui",
    });
    return { state: "shared", contact: data.contact! };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "NOT_FOUND") throw e;
    const revoked = await db.consentGrant.findFirst({
      where: { customerId: lead.request.customerId, granteeType: "DEALER", dealerId, requestId: lead.requestId, revokedAt: { not: null } },
      select: { revokedAt: true },
      orderBy: { revokedAt: "desc" },
    });
    if (!revoked?.revokedAt) throw e;
    return { state: "revoked", revokedAt: revoked.revokedAt };
  }
}
