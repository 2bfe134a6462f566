import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "~/server/api/root";
import type { Policy } from "~/server/api/trpc";
import { actorOf, makeAdmin, makeCustomer, makeDealer, makeLender } from "../../../test/factories";
import type { Actor } from "~/server/auth/session";
import { db } from "~/server/db";

// Every procedure of the whole router, with its declared policy.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { policy?: Policy }; type: string } }>).map(
  ([path, p]) => ({ path, type: p._def.type, policy: p._def.meta?.policy }),
);

const roles = ["customer", "dealer", "lender", "admin"] as const;
let actors: Record<(typeof roles)[number], Actor>;

beforeAll(async () => {
  const [c, d, l, a] = await Promise.all([makeCustomer(), makeDealer(), makeLender(), makeAdmin()]);
  actors = { customer: await actorOf(c.id), dealer: await actorOf(d.ownerId), lender: await actorOf(l.ownerId), admin: await actorOf(a.id) };
});

async function callAs(actor: Actor | null, path: string) {
  const caller = createCaller({ actor, headers: new Headers() }) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (input: unknown) => Promise<unknown>;
  try {
    const result = await fn(undefined);
    // Subscriptions return an async iterable; starting it runs the access checks.
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
      const it = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      const ac = Promise.race([it.next(), new Promise((r) => setTimeout(r, 200))]);
      await ac;
      await it.return?.();
    }
    return "ok";
  } catch (e) {
    return e instanceof TRPCError ? e.code : `threw ${(e as Error).message}`;
  }
}

describe("every tRPC procedure declares who may call it", () => {
  it("has a policy on each procedure", () => {
    expect(procedures.length).toBeGreaterThan(5);
    const missing = procedures.filter((p) => !p.policy).map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it("refuses anonymous callers on everything but public procedures", async () => {
    for (const p of procedures.filter((x) => x.policy !== "public")) {
      // Anonymous mutations share one per-address budget (60 a minute), and this walk alone makes more
      // than that: each call starts with the budget clear, so the answer is the access check's.
      await db.rateLimit.deleteMany({ where: { key: { startsWith: "mut:ip:" } } });
      expect([p.path, await callAs(null, p.path)]).toEqual([p.path, "UNAUTHORIZED"]);
    }
  });

  it("refuses every wrong role with FORBIDDEN, before looking at the input", async () => {
    for (const p of procedures.filter((x) => roles.includes(x.policy as (typeof roles)[number]))) {
      for (const role of roles.filter((r) => r !== p.policy)) {
        expect([p.path, role, await callAs(actors[role], p.path)]).toEqual([p.path, role, "FORBIDDEN"]);
      }
    }
  });
});
