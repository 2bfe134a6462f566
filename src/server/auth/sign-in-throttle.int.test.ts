// Issue 13 item 10: failures are throttled by address, and by account and address together, with
// growing delays; a stranger's failures never lock the owner out from another address.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Addresses are read from X-Forwarded-For only behind a trusted proxy; this test plays that proxy.
vi.hoisted(() => {
  process.env.TRUST_PROXY = "true";
});

const { authOptions } = await import("~/server/auth/options");
const { db } = await import("~/server/db");
const { ACCOUNT_AT_ADDRESS, ADDRESS, delayAfter, throttleKeys } = await import("~/server/auth/sign-in-throttle");
const { FACTORY_PASSWORD, makeCustomer } = await import("../../../test/factories");

type Authorize = (creds: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
const attempt = (email: string, password: string, ip: string) =>
  authorize({ email, password }, from(ip)).then(
    (user) => (user ? "signed in" : "wrong password"),
    (e: Error) => e.message,
  );

// The throttle reads the app's clock; the test holds it still and moves it by hand.
let clock = Date.parse("2026-03-01T12:00:00Z");
const letTimePass = (seconds: number) => vi.setSystemTime((clock += seconds * 1000));

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
  await db.rateLimit.deleteMany({ where: { key: { startsWith: "login-fail:" } } });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("delayAfter", () => {
  it("is free for the first failures, then doubles, up to a cap", () => {
    const r = { free: 3, firstDelaySeconds: 2, maxDelaySeconds: 60 };
    expect([0, 1, 2, 3, 4, 5, 6, 9, 500].map((n) => delayAfter(n, r))).toEqual([0, 0, 0, 2, 4, 8, 16, 60, 60]);
  });
});

describe("sign-in throttling", () => {
  it("a stranger's failures never stop the owner signing in from another address", async () => {
    const owner = await makeCustomer();
    for (let i = 0; i < 25; i++) await attempt(owner.email, "wrong-password-1", "203.0.113.66");
    expect(await attempt(owner.email, FACTORY_PASSWORD, "198.51.100.7")).toBe("signed in");
    // …while the stranger's own address is made to wait, even with the right password.
    expect(await attempt(owner.email, FACTORY_PASSWORD, "203.0.113.66")).toMatch(/^Throttled:\d+$/);
  });

  it("account and address: free failures, then a wait that grows with each failure", async () => {
    const u = await makeCustomer();
    const ip = "203.0.113.10";
    for (let i = 0; i < ACCOUNT_AT_ADDRESS.free; i++) expect(await attempt(u.email, "wrong-password-1", ip)).toBe("wrong password");
    const first = Number((await attempt(u.email, FACTORY_PASSWORD, ip)).split(":")[1]);
    expect(first).toBe(delayAfter(ACCOUNT_AT_ADDRESS.free, ACCOUNT_AT_ADDRESS));

    letTimePass(first);
    expect(await attempt(u.email, "wrong-password-1", ip)).toBe("wrong password");
    const second = Number((await attempt(u.email, "wrong-password-1", ip)).split(":")[1]);
    expect(second).toBe(2 * first);

    letTimePass(second);
    expect(await attempt(u.email, FACTORY_PASSWORD, ip)).toBe("signed in");
    // Success forgives this account's failures from this address.
    expect(await db.rateLimit.count({ where: { key: throttleKeys(u.email, ip).accountAtAddress } })).toBe(0);
    expect(await attempt(u.email, "wrong-password-1", ip)).toBe("wrong password");
  });

  it("an address spraying many accounts is slowed for every account it tries", async () => {
    const ip = "203.0.113.20";
    for (let i = 0; i < ADDRESS.free; i++) await attempt(`nobody-${i}@nowhere.test`, "wrong-password-1", ip);
    const victim = await makeCustomer();
    expect(await attempt(victim.email, FACTORY_PASSWORD, ip)).toMatch(/^Throttled:\d+$/);
    expect(await attempt(victim.email, FACTORY_PASSWORD, "198.51.100.8")).toBe("signed in");
  });

  it("unknown emails are counted like real ones, so throttling reveals nothing", async () => {
    const ip = "203.0.113.30";
    for (let i = 0; i < ACCOUNT_AT_ADDRESS.free; i++) await attempt("ghost@nowhere.test", "wrong-password-1", ip);
    expect(await attempt("ghost@nowhere.test", "wrong-password-1", ip)).toMatch(/^Throttled:\d+$/);
  });
});
