// The shared pool under a cut connection that its holder never gives back (what Prisma does when the
// connection dies under a transaction's COMMIT): the pool must take it back, or it starves.
import { describe, expect, it } from "vitest";
import { BROKEN_CHECKOUT_GRACE_MS, connectRaw, db, poolStats } from "~/server/db";

describe("the shared connection pool", () => {
  it("takes back a broken connection its holder never releases, and keeps serving queries", async () => {
    const leaked = await connectRaw();
    const { rows } = await leaked.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const before = poolStats().total;
    await db.$queryRaw`SELECT pg_terminate_backend(${rows[0]!.pid}::int)`;
    // Never released by its holder; the pool's side releases it after a grace period.
    while (poolStats().total >= before) await new Promise((r) => setTimeout(r, 100));
    expect(poolStats().total).toBe(before - 1);
    // A late release by the holder is harmless.
    expect(() => leaked.release()).toThrow(/already been released/);
    expect((await db.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`)[0]!.one).toBe(1);
  });

  it("leaves a healthy checked-out connection alone", async () => {
    const held = await connectRaw();
    await new Promise((r) => setTimeout(r, BROKEN_CHECKOUT_GRACE_MS + 500));
    expect((await held.query<{ one: number }>("SELECT 1::int AS one")).rows[0]!.one).toBe(1);
    expect(() => held.release()).not.toThrow(); // still its holder's to give back
  });
});
