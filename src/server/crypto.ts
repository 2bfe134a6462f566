import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "~/env.js";

/**
 * Application-level encryption for credit and income fields (AES-256-GCM). Each value carries the id of
 * the key that sealed it, so keys rotate by putting a new key first in ENCRYPTION_KEYS while older ones
 * still open existing values.
 */
type Keyring = { activeId: string; keys: Map<string, Buffer> };

let ring: Keyring | null = null;
function keyring(): Keyring {
  if (ring) return ring;
  const entries = env.ENCRYPTION_KEYS.split(",").map((e) => {
    const [id, key] = e.split(":") as [string, string];
    return [id, Buffer.from(key, "base64")] as const;
  });
  ring = { activeId: entries[0]![0], keys: new Map(entries) };
  return ring;
}

export function seal(plaintext: string): string {
  const { activeId, keys } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.get(activeId)!, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", activeId, iv.toString("base64"), cipher.getAuthTag().toString("base64"), ct.toString("base64")].join(":");
}

export function open(sealed: string): string {
  const [version, kid, iv, tag, ct] = sealed.split(":");
  if (version !== "v1" || !kid || !iv || !tag || !ct) throw new Error("Malformed sealed value");
  const key = keyring().keys.get(kid);
  if (!key) throw new Error(`Unknown encryption key id ${kid}`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8");
}

export const sealInt = (n: number) => seal(String(Math.trunc(n)));
export const openInt = (s: string | null | undefined) => (s ? Number(open(s)) : null);
