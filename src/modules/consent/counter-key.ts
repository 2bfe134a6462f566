import { createHash, randomBytes, randomInt } from "node:crypto";
import type { DataField } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import { fieldList } from "./describe";
import { COUNTER_KEY_TEXT } from "./texts";
import { possessive } from "~/lib/format";

export const COUNTER_KEY_MINUTES = [15, 30, 60] as const;
export const COUNTER_KEY_FIELDS: DataField[] = ["CONTACT", "ADDRESS", "INCOME", "CREDIT"];

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
/** The one-time code is hashed with its token: a leaked row (or a guessed 6-digit code alone) opens nothing. */
export const hashCode = (token: string, code: string) => createHash("sha256").update(`${token}:${code}`).digest("hex");

export function counterKeyText(dealer: string, fields: DataField[], minutes: number) {
  // The possessive is written out ("Motors' front desk", never "Motors's"), then any other mention by name.
  return COUNTER_KEY_TEXT.template.replaceAll("{dealer}'s", possessive(dealer)).replaceAll("{dealer}", dealer).replace("{fields}", fieldList(fields)).replace("{minutes}", String(minutes));
}

/**
 * After acceptance, the customer hands the dealer's desk a short-lived key (link + QR code) and a
 * one-time code to read out. Token and code are returned once; only hashes are stored, so a database leak
 * does not leak working keys. The link alone opens nothing (see open-counter-key.ts).
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
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
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
        codeHash: hashCode(token, code),
        expiresAt,
      },
      select: { id: true, expiresAt: true },
    });
  });
  return { grantId: grant.id, token, code, path: `/key/${token}`, expiresAt: grant.expiresAt, fields };
}

