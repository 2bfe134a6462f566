import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Keyturn-Signature";

export function newWebhookSecret() {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

const hmac = (secret: string, timestamp: number, body: string) => createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

/** `t=<unix seconds>,v1=<hex>[,v1=<hex>]`: one v1 per valid secret (two during a rotation). */
export function signWebhook(body: string, secrets: string[], timestamp = Math.floor(Date.now() / 1000)): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmac(s, timestamp, body)}`)].join(",");
}

/**
 * For receivers: true when the header carries a v1 signature of `body` made with any of `secrets` and its
 * timestamp is within the tolerance (stale or future-dated deliveries are replay attempts).
 */
export function verifyKeyturnSignature(header: string | null | undefined, body: string, secrets: string[], toleranceSeconds = 300, now = Math.floor(Date.now() / 1000)): boolean {
  if (!header) return false;
  const parts = header.split(",").map((p) => p.trim().split("=", 2) as [string, string?]);
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(now - t) > toleranceSeconds) return false;
  const sigs = parts.filter(([k, v]) => k === "v1" && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => Buffer.from(v!, "hex"));
  return secrets.some((s) => {
    const expected = Buffer.from(hmac(s, t, body), "hex");
    return sigs.some((sig) => timingSafeEqual(sig, expected));
  });
}
