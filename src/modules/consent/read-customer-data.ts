import type { Prisma } from "~/generated/prisma/client";
import type { CreditSource, CreditTier, DataField } from "~/generated/prisma/enums";
import { profileDataSelect } from "~/modules/vault/get-my-profile";
import { db, type Tx } from "~/server/db";
import { notFound } from "~/server/errors";
import { openInt } from "~/server/crypto";
import { publish, topics } from "~/server/realtime";
import { checkGrant, type GrantShape, type Reader } from "./grant-check";

export type { Reader } from "./grant-check";

export type ReadCustomerDataInput = {
  reader: Reader;
  customerId: string;
  fields: DataField[];
  /** Why the data is read, in words the customer will see on "Who saw my data". */
  purpose: string;
  requestId?: string | null;
  channel: "api" | "ui" | "job" | "counter";
  /** Pins the read to one grant (required for COUNTER readers: the key's grant). */
  grantId?: string | null;
  /**
   * Return whichever of `fields` the best matching grant covers (at least one) instead of refusing when
   * one is missing; the log row then names only the fields actually returned. For callers such as the
   * lender API that want "credit, and income if shared" in one logged read.
   */
  partial?: boolean;
};

export type CustomerData = {
  grantId: string;
  grantExpiresAt: Date;
  contact?: { firstName: string; lastName: string; email: string; phone: string | null };
  address?: { street: string | null; city: string | null; state: string | null; zip: string | null };
  income?: { annualIncomeCents: number | null; housingCostCents: number | null; employer: string | null };
  credit?: { score: number | null; tier: CreditTier | null; source: CreditSource | null; pulledAt: Date | null };
};

export const DATA_READ_EVENT = "data.read";

const grantSelect = {
  id: true,
  granteeType: true,
  lenderIds: true,
  dealerId: true,
  fields: true,
  requestId: true,
  expiresAt: true,
  revokedAt: true,
} satisfies Prisma.ConsentGrantSelect;

/**
 * THE way any dealer, lender, staff member or counter key reads a customer's vault. It finds a grant that
 * is valid at this instant, returns only the fields asked for (all inside that grant's scope), and writes
 * exactly one AccessLog row (who, which fields, which grant, why; never the values) in the same
 * transaction as the read. Nothing is cached: a revocation or expiry applies to the very next call.
 * No grant → NOT_FOUND, so a caller cannot tell "no such customer" from "not shared with you".
 *
 * Pass `tx` to read inside the caller's transaction (the log row then commits or rolls back with it).
 */
export async function readCustomerData(input: ReadCustomerDataInput, tx?: Tx): Promise<CustomerData> {
  if (tx) return readIn(tx, input);
  return db.$transaction((t) => readIn(t, input));
}

async function readIn(tx: Tx, input: ReadCustomerDataInput): Promise<CustomerData> {
  const wanted = [...new Set(input.fields)];
  const now = new Date();
  // Lock the candidate grants FOR SHARE: a concurrent revocation waits for this read to commit, and the
  // read after the revocation commits sees it. Either the read happened (and is logged) or it is refused.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ConsentGrant"
    WHERE "customerId" = ${input.customerId} AND "revokedAt" IS NULL AND "expiresAt" > ${now}
    FOR SHARE`;
  if (locked.length === 0) throw notFound("No data shared with you for this customer.");
  const grants: GrantShape[] = await tx.consentGrant.findMany({
    where: { id: { in: locked.map((g) => g.id) } },
    select: grantSelect,
    orderBy: { createdAt: "desc" },
  });
  let grant: GrantShape | undefined;
  let fields: DataField[] = [];
  for (const g of grants) {
    const ask = input.partial ? wanted.filter((f) => g.fields.includes(f)) : wanted;
    if (ask.length <= fields.length) continue;
    if (checkGrant(g, { reader: input.reader, fields: ask, requestId: input.requestId ?? null, grantId: input.grantId ?? null, now }).ok) {
      grant = g;
      fields = ask;
    }
  }
  if (!grant) throw notFound("No data shared with you for this customer.");

  const user = await tx.user.findUnique({
    where: { id: input.customerId },
    select: {
      email: true,
      profile: { select: profileDataSelect },
    },
  });
  if (!user) throw notFound("No data shared with you for this customer.");
  const p = user.profile;

  const out: CustomerData = { grantId: grant.id, grantExpiresAt: grant.expiresAt };
  if (fields.includes("CONTACT")) {
    out.contact = { firstName: p?.firstName ?? "", lastName: p?.lastName ?? "", email: user.email, phone: p?.phone ?? null };
  }
  if (fields.includes("ADDRESS")) {
    out.address = { street: p?.street ?? null, city: p?.city ?? null, state: p?.state ?? null, zip: p?.zip ?? null };
  }
  if (fields.includes("INCOME")) {
    out.income = {
      annualIncomeCents: openInt(p?.annualIncomeEnc),
      housingCostCents: openInt(p?.housingCostEnc),
      employer: p?.employer ?? null,
    };
  }
  if (fields.includes("CREDIT")) {
    out.credit = {
      score: openInt(p?.creditScoreEnc),
      tier: p?.creditTier ?? null,
      source: p?.creditSource ?? null,
      pulledAt: p?.creditPulledAt ?? null,
    };
  }

  const log = await tx.accessLog.create({
    data: {
      customerId: input.customerId,
      actorType: input.reader.type,
      actorId: input.reader.id,
      actorLabel: input.reader.label.slice(0, 200),
      grantId: grant.id,
      fields,
      purpose: input.purpose.slice(0, 300),
      requestId: input.requestId ?? grant.requestId ?? null,
      channel: input.channel,
    },
    select: { id: true },
  });
  // The customer's open "My data" / "Who saw my data" pages refresh when this commits (ids only).
  await publish({ topic: topics.user(input.customerId), type: DATA_READ_EVENT, id: log.id }, tx);
  return out;
}
