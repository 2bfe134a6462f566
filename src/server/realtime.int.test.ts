import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { liveStream, publish, subscribe, type LiveEvent } from "~/server/realtime";

const waitFor = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return cond();
};

describe("live events through PostgreSQL LISTEN/NOTIFY", () => {
  it("delivers on commit, never on rollback", async () => {
    const topic = `test:${Math.random()}`;
    const got: LiveEvent[] = [];
    const off = await subscribe(topic, (e) => got.push(e));
    await db
      .$transaction(async (tx) => {
        await publish({ topic, type: "rolled-back" }, tx);
        throw new Error("abort");
      })
      .catch(() => undefined);
    await db.$transaction(async (tx) => publish({ topic, type: "committed", id: "x1" }, tx));
    expect(await waitFor(() => got.length > 0)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual([{ topic, type: "committed", id: "x1" }]);
    off();
  });

  it("only wakes subscribers of the event's topic", async () => {
    const a: LiveEvent[] = [];
    const b: LiveEvent[] = [];
    const offA = await subscribe("test:a", (e) => a.push(e));
    const offB = await subscribe("test:b", (e) => b.push(e));
    await publish({ topic: "test:b", type: "ping" });
    expect(await waitFor(() => b.length === 1)).toBe(true);
    expect(a).toEqual([]);
    offA();
    offB();
  });

  it("streams a topic to a subscription with one abort listener however many events pass, and ends on abort", async () => {
    const topic = `test:${Math.random()}`;
    const ac = new AbortController();
    const stream = liveStream(topic, ac.signal);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const e of stream) seen.push(e.id!);
    })();
    await new Promise((r) => setTimeout(r, 100)); // subscribed
    for (let i = 0; i < 15; i++) {
      await publish({ topic, type: "ping", id: String(i) });
      expect(await waitFor(() => seen.length === i + 1)).toBe(true);
    }
    expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => String(i)));
    expect(getEventListeners(ac.signal, "abort")).toHaveLength(1);
    ac.abort();
    await reading;
    expect(getEventListeners(ac.signal, "abort")).toHaveLength(0);
  });
});
