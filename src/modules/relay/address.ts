/**
 * The lead token in a relay address, or null when the address is not one of ours. Pure, so the SMTP
 * listener can refuse a stranger's recipient at RCPT without touching the database. The local part is
 * compared case-insensitively (mail software upper-cases addresses now and then); tokens are lower hex.
 */
export function parseRelayAddress(address: string, domain: string): string | null {
  const m = /^lead-([0-9a-f]{32})@([a-z0-9.-]+)$/.exec(address.trim().toLowerCase());
  if (!m || m[2] !== domain.toLowerCase()) return null;
  return m[1]!;
}

/** An address as stored in DealerCrmAddress: trimmed and lower-cased. */
export const normalizeAddress = (address: string) => address.trim().toLowerCase();
