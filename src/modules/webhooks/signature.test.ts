import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { signWebhook, verifyKeyturnSignature } from "~/modules/webhooks/signature";

const now = 1_800_000_000;

describe("webhook signatures", () => {
  it("verifies what it signs, with either secret during a rotation", () => {
    const body = JSON.stringify({ id: "evt_1", type: "pre_approval.requested" });
    const header = signWebhook(body, ["whsec_new", "whsec_old"], now);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifyKeyturnSignature(header, body, ["whsec_new"], 300, now)).toBe(true);
    expect(verifyKeyturnSignature(header, body, ["whsec_old"], 300, now)).toBe(true);
    expect(verifyKeyturnSignature(header, body, ["whsec_other"], 300, now)).toBe(false);
  });

  it("rejects tampered bodies, stale or future timestamps, and garbage headers", () => {
    const header = signWebhook("{}", ["s"], now);
    expect(verifyKeyturnSignature(header, "{ }", ["s"], 300, now)).toBe(false);
    expect(verifyKeyturnSignature(header, "{}", ["s"], 300, now + 301)).toBe(false);
    expect(verifyKeyturnSignature(header, "{}", ["s"], 300, now - 301)).toBe(false);
    expect(verifyKeyturnSignature(header.replace(/t=\d+/, `t=${now + 1}`), "{}", ["s"], 300, now)).toBe(false);
    for (const h of [null, "", "t=abc,v1=00", "v1=zz", "t=1800000000"]) expect(verifyKeyturnSignature(h, "{}", ["s"], 300, now)).toBe(false);
  });

  it("never accepts a body it did not sign", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => a === b || !verifyKeyturnSignature(signWebhook(a, ["k"], now), b, ["k"], 300, now)));
  });
});
