import { env } from "~/env.js";

/**
 * The caller's address for rate limiting. Next fills X-Forwarded-For with the socket address only when
 * the header is absent, so a client can forge it: it is honoured only behind a proxy we trust
 * (TRUST_PROXY). Otherwise every caller shares one "direct" bucket, which fails safe.
 */
export function clientIp(headers: Headers): string {
  if (env.TRUST_PROXY) {
    const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return "direct";
}
