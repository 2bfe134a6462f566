import { createHash, randomBytes } from "node:crypto";
import type { DataField } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { fieldList } from "./describe";
import { readCustomerData, type CustomerData } from "./read-customer-data";
import { COUNTER_KEY_TEXT } from "./texts";
import { possessive } from "~/lib/format";

export const COUNTER_KEY_MINUTES = [15, 30, 60] as const;
export const COUNTER_KEY_FIELDS: DataField[] = ["CONTACT", "ADDRESS", "INCOME", "CREDIT"];

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function counterKeyText(dealer: string, fields: DataField[], minutes: number) {
  return COUNTER_KEY_TEXT.template.replace("{dealer}'s", possessive(dealer)).replace("{fields}", fieldList(fields)).replace("{minutes}", String(minutes));
}

/**
 * After acceptance, the customer hands the dealer's desk a short-lived key (link + QR code). The token is
 * returned once and only its SHA-256 is stored, so a database leak does not leak working keys.
 * `expiresInSeconds` exists for tests; the UI offers COUNTER_KEY_MINUTES.
 */
export async function createCounterKey(
  customerId: string,
  input: { dealId: string; fields: DataField[]; minutes?: number; expiresInSeconds?: number },
) {
  const deal = await db.deal.findFirst({
    where: { id: input.dealId, customerId },
    select: { requestId: true, dealerId: true, dealer: { select: { name: true } } },
  });
  if (!deal) throw notFound("That purchase was not found.");
  const fields = COUNTER_KEY_FIELDS.filter((f) => input.fields.includes(f));
  const minutes = input.minutes ?? 30;
  const seconds = input.expiresInSeconds ?? minutes * 60;
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + seconds * 1000);

  const grant = await db.$transaction(async (tx) => {
    const consent = await tx.consentRecord.create({
      data: {
        userId: customerId,
        kind: "CONTACT_SHARE",
        textVersion: COUNTER_KEY_TEXT.version,
        textShown: counterKeyText(deal.dealer.name, fields, minutes),
        requestId: deal.requestId,
      },
      select: { id: true },
    });
    return tx.consentGrant.create({
      data: {
        customerId,
        granteeType: "COUNTER",
        dealerId: deal.dealerId,
        lenderIds: [],
        fields,
        purpose: "Paperwork at the dealer's desk",
        requestId: deal.requestId,
        consentId: consent.id,
        tokenHash: hashToken(token),
        expiresAt,
      },
      select: { id: true, expiresAt: true },
    });
  });
  return { grantId: grant.id, token, path: `/key/${token}`, expiresAt: grant.expiresAt, fields };
}

export type CounterKeyView =
  | { state: "open"; dealerName: string; fields: DataField[]; expiresAt: Date; data: CustomerData }
  | { state: "expired" | "revoked"; dealerName: string };

/**
 * The dealer's desk opens the link. Unknown tokens are NOT_FOUND; a known key that ended says so (the
 * holder already knows it existed). Every successful open is one readCustomerData call, so one log row.
 */
export async function openCounterKey(token: string): Promise<CounterKeyView> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound("This key does not exist.");
  const grant = await db.consentGrant.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, customerId: true, dealerId: true, fields: true, requestId: true, expiresAt: true, revokedAt: true, granteeType: true },
  });
  if (!grant || grant.granteeType !== "COUNTER") throw notFound("This key does not exist.");
  const dealer = grant.dealerId ? await db.dealer.findUnique({ where: { id: grant.dealerId }, select: { name: true } }) : null;
  const dealerName = dealer?.name ?? "Dealer";
  if (grant.revokedAt) return { state: "revoked", dealerName };
  if (grant.expiresAt <= new Date()) return { state: "expired", dealerName };
  try {
    const data = await readCustomerData({
      reader: { type: "COUNTER", id: grant.dealerId ?? grant.id, label: `${possessive(dealerName)} front desk` },
      customerId: grant.customerId,
      fields: grant.fields,
      purpose: "Paperwork at the dealer's desk",
      requestId: grant.requestId,
      channel: "counter",
      grantId: grant.id,
    });
    return { state: "open", dealerName, fields: grant.fields, expiresAt: grant.expiresAt, data };
  } catch (e) {
    // Revoked or expired between the check above and the read: the read is the authority.
    if (e instanceof AppError && e.code === "NOT_FOUND") return { state: "expired", dealerName };
    throw e;
  }
}
