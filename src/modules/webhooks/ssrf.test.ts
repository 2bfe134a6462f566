import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isForbiddenAddress, type Resolver } from "~/modules/webhooks/ssrf";

const resolveTo = (...addrs: string[]): Resolver => async () => addrs;
const publicDns = resolveTo("93.184.216.34");

describe("webhook URL checks (SSRF)", () => {
  it.each([
    "127.0.0.1", "127.8.8.8", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.1", "192.168.1.1", "169.254.169.254",
    "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "not-an-ip",
  ])("refuses %s", (ip) => expect(isForbiddenAddress(ip)).toBe(true));

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111"])("allows public %s", (ip) => expect(isForbiddenAddress(ip)).toBe(false));

  it("refuses private and metadata IP literals in URLs", async () => {
    for (const url of ["https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://127.0.0.1/x", "https://[::ffff:192.168.0.1]/x"]) {
      expect((await checkWebhookUrl(url, { allowLocalhost: false, resolver: publicDns })).ok, url).toBe(false);
    }
  });

  it("refuses a name that resolves to a private address, and checks every address", async () => {
    expect(await checkWebhookUrl("https://internal.example.com/h", { allowLocalhost: false, resolver: resolveTo("10.1.2.3") })).toMatchObject({ ok: false, reason: expect.stringMatching(/private or reserved/) });
    // One public and one private answer: a later connection could pick the private one.
    expect((await checkWebhookUrl("https://mixed.example.com/h", { allowLocalhost: false, resolver: resolveTo("93.184.216.34", "192.168.0.10") })).ok).toBe(false);
    expect((await checkWebhookUrl("https://localtest.me/h", { allowLocalhost: false, resolver: resolveTo("127.0.0.1") })).ok).toBe(false);
    expect((await checkWebhookUrl("https://nx.example.com/h", { allowLocalhost: false, resolver: async () => { throw new Error("ENOTFOUND"); } })).ok).toBe(false);
  });

  it("accepts a public https URL and refuses plain http, credentials and junk", async () => {
    expect(await checkWebhookUrl("https://hooks.lender.com/keyturn", { allowLocalhost: false, resolver: publicDns })).toMatchObject({ ok: true, addresses: ["93.184.216.34"] });
    expect((await checkWebhookUrl("http://hooks.lender.com/keyturn", { allowLocalhost: false, resolver: publicDns })).ok).toBe(false);
    expect((await checkWebhookUrl("https://user:pw@hooks.lender.com/", { allowLocalhost: false, resolver: publicDns })).ok).toBe(false);
    expect((await checkWebhookUrl("ftp://hooks.lender.com/", { allowLocalhost: false, resolver: publicDns })).ok).toBe(false);
    expect((await checkWebhookUrl("not a url", { allowLocalhost: false, resolver: publicDns })).ok).toBe(false);
  });

  it("lets tests use loopback only when the development setting allows it, and nothing else private", async () => {
    expect((await checkWebhookUrl("http://127.0.0.1:4000/h", { allowLocalhost: true })).ok).toBe(true);
    expect((await checkWebhookUrl("http://127.0.0.1:4000/h", { allowLocalhost: false })).ok).toBe(false);
    expect((await checkWebhookUrl("http://10.0.0.1/h", { allowLocalhost: true })).ok).toBe(false);
    expect((await checkWebhookUrl("https://169.254.169.254/", { allowLocalhost: true })).ok).toBe(false);
  });
});
