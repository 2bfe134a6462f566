import { describe, expect, it, vi } from "vitest";
import { sealedShape } from "../../test/no-values";

describe("field encryption", () => {
  it("round-trips and never contains the plaintext", async () => {
    const { seal, open } = await import("~/server/crypto");
    const sealed = seal("742");
    // A substring search over random base64 could match "742" by chance; compare the ciphertext itself.
    expect(sealedShape(sealed, "742")).toEqual({ format: true, clear: false });
    expect(sealed.split(":")[1]).toBe("t1");
    expect(open(sealed)).toBe("742");
    expect(seal("742")).not.toBe(sealed); // fresh IV each time
  });

  it("refuses a tampered value", async () => {
    const { seal, open } = await import("~/server/crypto");
    const parts = seal("income:120000").split(":");
    const ct = Buffer.from(parts[4]!, "base64");
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString("base64");
    expect(() => open(parts.join(":"))).toThrow();
  });

  it("opens values sealed with an older key after rotation", async () => {
    // Seal with t0 as the active key, then rotate so t1 is active and t0 only decrypts.
    vi.resetModules();
    const keys = process.env.ENCRYPTION_KEYS!.split(",");
    process.env.ENCRYPTION_KEYS = [...keys].reverse().join(",");
    const old = await import("~/server/crypto");
    const sealedWithOld = old.seal("701");
    expect(sealedWithOld.split(":")[1]).toBe("t0");
    vi.resetModules();
    process.env.ENCRYPTION_KEYS = keys.join(",");
    const current = await import("~/server/crypto");
    expect(current.open(sealedWithOld)).toBe("701");
  });
});
