import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { jobsById } from "~/server/jobs/registry";
import { createApiKey } from "~/modules/lender-api/api-keys";
import { makeCustomer, makeLender } from "../../../test/factories";
import { pruneGrowingTables, pruneGrowingTablesJob } from "./prune-growing-tables";
import { PRUNE_BATCH, RETENTION } from "./retention-rules";

const MINUTE = 60_000;

describe("retention of the tables that only grow", () => {
  it("deletes rate-limit windows, idempotency records, live events and notifications past their retention, and keeps the rest", async () => {
    const now = new Date();
    const at = (msAgo: number) => new Date(now.getTime() - msAgo);
    const user = await makeCustomer();
    const key = await createApiKey((await makeLender()).id, { name: "prune", mode: "LIVE" });
    // One row just past each rule and one just inside it.
    await db.rateLimit.createMany({ data: [
      { key: "prune:old", windowStart: at(RETENTION.rateLimitMs + MINUTE), count: 3 },
      { key: "prune:new", windowStart: at(RETENTION.rateLimitMs - MINUTE), count: 3 },
    ] });
    await db.idempotencyRecord.createMany({ data: [
      { apiKeyId: key.id, key: "old", requestHash: "h", status: 201, responseBody: {}, createdAt: at(RETENTION.idempotencyMs + MINUTE) },
      { apiKeyId: key.id, key: "new", requestHash: "h", status: 201, responseBody: {}, createdAt: at(RETENTION.idempotencyMs - MINUTE) },
    ] });
    await db.liveEvent.createMany({ data: [
      { topic: "prune:old", type: "t", createdAt: at(RETENTION.liveEventMs + MINUTE) },
      { topic: "prune:new", type: "t", createdAt: at(RETENTION.liveEventMs - MINUTE) },
    ] });
    await db.notification.createMany({ data: [
      { userId: user.id, kind: "k", title: "old, unread", body: "b", createdAt: at(RETENTION.notificationMs + MINUTE) },
      { userId: user.id, kind: "k", title: "old, read", body: "b", readAt: at(RETENTION.notificationMs), createdAt: at(RETENTION.notificationMs + MINUTE) },
      { userId: user.id, kind: "k", title: "new", body: "b", createdAt: at(RETENTION.notificationMs - MINUTE) },
    ] });

    await db.relayInbound.createMany({ data: [
      { mailFrom: "prune-old@crm.example", outcome: "UNKNOWN_TOKEN", createdAt: at(RETENTION.relayInboundMs + MINUTE) },
      { mailFrom: "prune-new@crm.example", outcome: "UNKNOWN_TOKEN", createdAt: at(RETENTION.relayInboundMs - MINUTE) },
    ] });

    const pruned = await pruneGrowingTables(now);

    expect(pruned).toMatchObject({ rateLimit: expect.any(Number), idempotency: expect.any(Number) });
    expect((await db.rateLimit.findMany({ where: { key: { startsWith: "prune:" } }, select: { key: true } })).map((r) => r.key)).toEqual(["prune:new"]);
    expect((await db.idempotencyRecord.findMany({ where: { apiKeyId: key.id }, select: { key: true } })).map((r) => r.key)).toEqual(["new"]);
    expect((await db.liveEvent.findMany({ where: { topic: { startsWith: "prune:" } }, select: { topic: true } })).map((r) => r.topic)).toEqual(["prune:new"]);
    expect((await db.notification.findMany({ where: { userId: user.id }, select: { title: true } })).map((r) => r.title)).toEqual(["new"]);
    expect(pruned.notification).toBe(2);
    expect((await db.relayInbound.findMany({ where: { mailFrom: { startsWith: "prune-" } }, select: { mailFrom: true } })).map((r) => r.mailFrom)).toEqual(["prune-new@crm.example"]);
    // A second sweep finds nothing due.
    expect(await pruneGrowingTables(now)).toEqual({ rateLimit: 0, idempotency: 0, liveEvent: 0, notification: 0, relayInbound: 0 });
  });

  it("drains a backlog larger than one batch", async () => {
    const old = new Date(Date.now() - RETENTION.rateLimitMs - 60 * MINUTE);
    await db.$executeRaw`INSERT INTO "RateLimit" ("key", "windowStart", "count") SELECT 'backlog:' || i, ${old}, 1 FROM generate_series(1, ${PRUNE_BATCH * 2 + 7}) i`;
    expect((await pruneGrowingTables()).rateLimit).toBeGreaterThanOrEqual(PRUNE_BATCH * 2 + 7);
    expect(await db.rateLimit.count({ where: { key: { startsWith: "backlog:" } } })).toBe(0);
  });

  it("runs as a recurring job the worker knows", () => {
    expect(jobsById().get(pruneGrowingTablesJob.id)?.everyMs).toBe(3_600_000);
  });
});
