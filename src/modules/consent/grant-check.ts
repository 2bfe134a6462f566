import type { DataField, GranteeType } from "~/generated/prisma/enums";

export type ReaderType = "LENDER" | "DEALER" | "STAFF" | "COUNTER";
export type Reader = { type: ReaderType; id: string; label: string };

export type GrantShape = {
  id: string;
  granteeType: GranteeType;
  lenderIds: string[];
  dealerId: string | null;
  fields: DataField[];
  requestId: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
};

export type GrantAsk = { reader: Reader; fields: DataField[]; requestId?: string | null; grantId?: string | null; now: Date };

export type GrantVerdict = { ok: true } | { ok: false; reason: "revoked" | "expired" | "grantee" | "fields" | "request" | "grant" };

/**
 * Whether one grant lets this reader see these fields right now. Pure, so the rule is unit-tested apart
 * from the database; readCustomerData applies it to freshly loaded rows on every call (no cache).
 * Staff have no grantee type: they never read a customer's data through a grant meant for someone else.
 */
export function checkGrant(grant: GrantShape, ask: GrantAsk): GrantVerdict {
  if (grant.revokedAt && grant.revokedAt <= ask.now) return { ok: false, reason: "revoked" };
  if (grant.expiresAt <= ask.now) return { ok: false, reason: "expired" };
  if (ask.grantId && ask.grantId !== grant.id) return { ok: false, reason: "grant" };
  if (!granteeMatches(grant, ask.reader, ask.grantId)) return { ok: false, reason: "grantee" };
  if (ask.fields.length === 0 || !ask.fields.every((f) => grant.fields.includes(f))) return { ok: false, reason: "fields" };
  // A grant made for one request never opens the data for another (or for "no request in particular").
  if (grant.requestId && grant.requestId !== ask.requestId) return { ok: false, reason: "request" };
  return { ok: true };
}

function granteeMatches(grant: GrantShape, reader: Reader, grantId?: string | null): boolean {
  switch (reader.type) {
    case "LENDER":
      return grant.granteeType === "ALL_LENDERS" || (grant.granteeType === "LENDERS" && grant.lenderIds.includes(reader.id));
    case "DEALER":
      return grant.granteeType === "DEALER" && grant.dealerId === reader.id;
    case "COUNTER":
      // A counter key is a bearer token for one grant: whoever holds the link reads that grant only.
      return grant.granteeType === "COUNTER" && !!grantId && grantId === grant.id;
    case "STAFF":
      return false;
  }
}
