import type { Tx } from "~/server/db";
import { CONTACT_SHARE_TEXT } from "./texts";

// Long enough to finish paperwork, registration and delivery; the customer can revoke it any time.
const CONTACT_GRANT_DAYS = 90;

/**
 * Called inside accept-quote's transaction: the customer's acceptance (with CONTACT_SHARE_TEXT shown next
 * to the button) gives the accepted dealer, and only that dealer, the customer's name, email and phone for
 * this request. Idempotent per (request, dealer): a retried acceptance does not mint a second key.
 */
export async function grantContactToDealer(
  tx: Tx,
  input: { customerId: string; dealerId: string; requestId: string; consentText?: string },
) {
  const existing = await tx.consentGrant.findFirst({
    where: { customerId: input.customerId, dealerId: input.dealerId, requestId: input.requestId, granteeType: "DEALER", revokedAt: null },
    select: { id: true },
  });
  if (existing) return existing;
  const consent = await tx.consentRecord.create({
    data: {
      userId: input.customerId,
      kind: "CONTACT_SHARE",
      textVersion: CONTACT_SHARE_TEXT.version,
      textShown: input.consentText ?? CONTACT_SHARE_TEXT.text,
      requestId: input.requestId,
    },
    select: { id: true },
  });
  return tx.consentGrant.create({
    data: {
      customerId: input.customerId,
      granteeType: "DEALER",
      dealerId: input.dealerId,
      lenderIds: [],
      fields: ["CONTACT"],
      purpose: "Completing the purchase you accepted",
      requestId: input.requestId,
      consentId: consent.id,
      expiresAt: new Date(Date.now() + CONTACT_GRANT_DAYS * 86_400_000),
    },
    select: { id: true },
  });
}
