import { BlockList, isIP } from "node:net";
import { lookup } from "node:dns/promises";

// Addresses a webhook must never reach: loopback, private, carrier-grade NAT, link-local (cloud metadata
// lives at 169.254.169.254), multicast, reserved and documentation ranges, for IPv4 and IPv6.
const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24],
  ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96], ["2001:db8::", 32], ["100::", 64],
] as const) blocked.addSubnet(net, bits, "ipv6");

const LOOPBACK = new Set(["127.0.0.1", "::1"]);

export type Resolver = (hostname: string) => Promise<string[]>;
export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** True when an IP literal points somewhere a webhook must not go. IPv4-mapped IPv6 is checked as IPv4. */
export function isForbiddenAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return isForbiddenAddress(mapped[1]!);
  const family = isIP(ip);
  if (family === 0) return true; // not an address at all
  return blocked.check(ip, family === 4 ? "ipv4" : "ipv6");
}

export type UrlCheck = { ok: true; url: URL; addresses: string[] } | { ok: false; reason: string };

/**
 * Checks a webhook URL and every address its host resolves to. Run at save time and again right before
 * each send (DNS can change in between). `allowLocalhost` (tests only) admits 127.0.0.1/::1 and nothing else.
 */
export async function checkWebhookUrl(raw: string, opts: { allowLocalhost: boolean; resolver?: Resolver }): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Enter a full URL, like https://hooks.example.com/keyturn." };
  }
  if (url.username || url.password) return { ok: false, reason: "Credentials in the URL are not allowed; we sign every request instead." };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (opts.resolver ?? systemResolver)(host);
    } catch {
      return { ok: false, reason: `The host ${host} could not be resolved.` };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: `The host ${host} has no addresses.` };
  const local = opts.allowLocalhost && addresses.every((a) => LOOPBACK.has(a));
  if (!local) {
    const bad = addresses.find(isForbiddenAddress);
    if (bad) return { ok: false, reason: `The URL resolves to a private or reserved address (${bad}); use a public endpoint.` };
  }
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) return { ok: false, reason: "The URL must use https." };
  return { ok: true, url, addresses };
}
