import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { enforceRateLimit, hitRateLimit } from "~/server/rate-limit";

const key = () => `test:${Math.random().toString(36).slice(2)}`;

describe("database-backed rate limits", () => {
  it("counts concurrent hits exactly and refuses the one over the limit", async () => {
    const k = key();
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(k, 20, 60)));
    expect(results.filter((r) => r.allowed)).toHaveLength(20);
    expect(results.filter((r) => !r.allowed)).toHaveLength(5);
    const refused = results.find((r) => !r.allowed)!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("starts a fresh window once the old one has passed", async () => {
    const k = key();
    for (let i = 0; i < 3; i++) await hitRateLimit(k, 3, 60);
    expect((await hitRateLimit(k, 3, 60)).allowed).toBe(false);
    await db.rateLimit.update({ where: { key: k }, data: { windowStart: new Date(Date.now() - 61_000) } });
    expect(await hitRateLimit(k, 3, 60)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("raises RATE_LIMITED with a retry delay", async () => {
    const k = key();
    await enforceRateLimit(k, 1, 60);
    await expect(enforceRateLimit(k, 1, 60, "messages")).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("Too many messages") });
  });
});
