import { db } from "~/server/db";
import type { Actor } from "~/server/auth/session";
import { notFound } from "~/server/errors";
import { readCustomerData } from "~/modules/consent/read-customer-data";

/**
 * The accepted dealer's view of its buyer: contact details through the customer's grant (logged in the
 * access log). Any other dealer, or this dealer before acceptance or after revocation, gets NOT_FOUND.
 */
export async function getBuyerContact({ actor, dealerId, leadId }: { actor: Actor; dealerId: string; leadId: string }) {
  const lead = await db.lead.findFirst({
    where: { id: leadId, dealerId },
    select: { requestId: true, request: { select: { customerId: true, deal: { select: { dealerId: true } } } } },
  });
  if (!lead || lead.request.deal?.dealerId !== dealerId) throw notFound("No contact details shared with you for this lead.");
  const data = await readCustomerData({
    reader: { type: "DEALER", id: dealerId, label: actor.name },
    customerId: lead.request.customerId,
    fields: ["CONTACT"],
    purpose: "Completing the purchase the buyer accepted",
    requestId: lead.requestId,
    channel: "ui",
  });
  return data.contact!;
}
