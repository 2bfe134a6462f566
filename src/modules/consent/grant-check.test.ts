import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkGrant, type GrantShape, type Reader } from "./grant-check";
import type { DataField } from "~/generated/prisma/enums";

const now = new Date("2026-11-22T12:00:00Z");
const later = new Date("2026-11-29T12:00:00Z");
const L1: Reader = { type: "LENDER", id: "L1", label: "Lender one" };
const L2: Reader = { type: "LENDER", id: "L2", label: "Lender two" };
const D1: Reader = { type: "DEALER", id: "D1", label: "Dealer one" };

const grant = (over: Partial<GrantShape> = {}): GrantShape => ({
  id: "g1",
  granteeType: "LENDERS",
  lenderIds: ["L1"],
  dealerId: null,
  fields: ["CREDIT", "INCOME"],
  requestId: "r1",
  expiresAt: later,
  revokedAt: null,
  ...over,
});

describe("checkGrant", () => {
  it("lets a chosen lender read the granted fields for the request", () => {
    expect(checkGrant(grant(), { reader: L1, fields: ["CREDIT"], requestId: "r1", now })).toEqual({ ok: true });
  });

  it("refuses a lender that was not chosen", () => {
    expect(checkGrant(grant(), { reader: L2, fields: ["CREDIT"], requestId: "r1", now })).toEqual({ ok: false, reason: "grantee" });
  });

  it("lets any lender read an ALL_LENDERS grant, but never a dealer", () => {
    const g = grant({ granteeType: "ALL_LENDERS", lenderIds: [] });
    expect(checkGrant(g, { reader: L2, fields: ["INCOME"], requestId: "r1", now }).ok).toBe(true);
    expect(checkGrant(g, { reader: D1, fields: ["INCOME"], requestId: "r1", now }).ok).toBe(false);
  });

  it("refuses revoked and expired grants from the instant they end", () => {
    expect(checkGrant(grant({ revokedAt: now }), { reader: L1, fields: ["CREDIT"], requestId: "r1", now })).toEqual({ ok: false, reason: "revoked" });
    expect(checkGrant(grant({ expiresAt: now }), { reader: L1, fields: ["CREDIT"], requestId: "r1", now })).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a field outside the scope, and an empty ask", () => {
    expect(checkGrant(grant(), { reader: L1, fields: ["CREDIT", "CONTACT"], requestId: "r1", now })).toEqual({ ok: false, reason: "fields" });
    expect(checkGrant(grant(), { reader: L1, fields: [], requestId: "r1", now }).ok).toBe(false);
  });

  it("refuses a read for another request, or for no request, under a request's grant", () => {
    expect(checkGrant(grant(), { reader: L1, fields: ["CREDIT"], requestId: "r2", now })).toEqual({ ok: false, reason: "request" });
    expect(checkGrant(grant(), { reader: L1, fields: ["CREDIT"], now })).toEqual({ ok: false, reason: "request" });
  });

  it("gives a dealer grant to that dealer only", () => {
    const g = grant({ granteeType: "DEALER", dealerId: "D1", lenderIds: [], fields: ["CONTACT"] });
    expect(checkGrant(g, { reader: D1, fields: ["CONTACT"], requestId: "r1", now }).ok).toBe(true);
    expect(checkGrant(g, { reader: { ...D1, id: "D2" }, fields: ["CONTACT"], requestId: "r1", now }).ok).toBe(false);
    expect(checkGrant(g, { reader: L1, fields: ["CONTACT"], requestId: "r1", now }).ok).toBe(false);
  });

  it("opens a counter key only by its own grant id", () => {
    const g = grant({ granteeType: "COUNTER", dealerId: "D1", lenderIds: [], fields: ["CONTACT", "ADDRESS"] });
    const counter: Reader = { type: "COUNTER", id: "D1", label: "Counter" };
    expect(checkGrant(g, { reader: counter, fields: ["CONTACT"], requestId: "r1", grantId: "g1", now }).ok).toBe(true);
    expect(checkGrant(g, { reader: counter, fields: ["CONTACT"], requestId: "r1", now }).ok).toBe(false);
    expect(checkGrant(g, { reader: counter, fields: ["CONTACT"], requestId: "r1", grantId: "g2", now }).ok).toBe(false);
    // The dealer's own login cannot use the counter key's grant.
    expect(checkGrant(g, { reader: D1, fields: ["CONTACT"], requestId: "r1", grantId: "g1", now }).ok).toBe(false);
  });

  it("never lets staff read through a customer's grant", () => {
    const g = grant({ granteeType: "ALL_LENDERS" });
    expect(checkGrant(g, { reader: { type: "STAFF", id: "a", label: "Admin" }, fields: ["CREDIT"], requestId: "r1", now }).ok).toBe(false);
  });

  it("property: an accepted ask never includes a field outside the grant", () => {
    const field = fc.constantFrom<DataField>("CONTACT", "ADDRESS", "INCOME", "CREDIT");
    fc.assert(
      fc.property(fc.uniqueArray(field), fc.uniqueArray(field), (granted, asked) => {
        const v = checkGrant(grant({ fields: granted }), { reader: L1, fields: asked, requestId: "r1", now });
        if (v.ok) expect(asked.every((f) => granted.includes(f))).toBe(true);
      }),
    );
  });
});
