import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { db, sqlTransaction } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { enqueue } from "~/server/jobs/queue";
import { jobDefinitions } from "~/server/jobs/registry";
import { backoffDelayMs } from "~/server/jobs/backoff";
import { drainJobs, ensureRecurringJobs, runDueJobs } from "~/server/jobs/worker";

// A test-only queue whose handler records what it saw in a real table (Notification rows for a user).
const queue = `test.echo.${Math.random().toString(36).slice(2, 8)}`;
let failuresLeft = 0;
let userId = "";
const echo = defineJob({
  id: queue,
  schema: z.object({ text: z.string() }),
  maxAttempts: 3,
  backoffMs: 1,
  async handler({ text }) {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new Error("transient failure");
    }
    await db.notification.create({ data: { userId, kind: "echo", title: text, body: text } });
  },
});

beforeEach(async () => {
  jobDefinitions.push(echo);
  failuresLeft = 0;
  userId = (await db.user.create({ data: { email: `jobs-${Math.random()}@t.test`, name: "J", passwordHash: "x", role: "CUSTOMER" }, select: { id: true } })).id;
});
afterEach(() => {
  jobDefinitions.splice(jobDefinitions.indexOf(echo), 1);
});

const seen = () => db.notification.findMany({ where: { userId, kind: "echo" }, select: { title: true } });
const jobsFor = (text: string) => db.job.findMany({ where: { queue, payload: { equals: { text } } }, select: { id: true, status: true, attempts: true, lastError: true } });

describe("transactional outbox", () => {
  it("enqueues with the write, and a rollback drops both", async () => {
    await db.$transaction(async (tx) => enqueue(tx, queue, { text: "kept" }));
    await db
      .$transaction(async (tx) => {
        await enqueue(tx, queue, { text: "dropped" });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await jobsFor("dropped")).toHaveLength(0);
    await drainJobs([queue]);
    expect(await seen()).toEqual([{ title: "kept" }]);
    expect((await jobsFor("kept"))[0]).toMatchObject({ status: "DONE", attempts: 1 });
  });

  it("enqueues the same way on a transaction of the pg pool, and its rollback drops the job", async () => {
    await sqlTransaction(async (c) => enqueue(c, queue, { text: "pool-kept" }));
    await sqlTransaction(async (c) => {
      await enqueue(c, queue, { text: "pool-dropped" });
      throw new Error("roll back");
    }).catch(() => undefined);
    expect(await jobsFor("pool-dropped")).toHaveLength(0);
    await drainJobs([queue]);
    expect(await seen()).toEqual([{ title: "pool-kept" }]);
  });

  it("retries a failing job with backoff, then succeeds", async () => {
    failuresLeft = 2;
    await db.$transaction(async (tx) => enqueue(tx, queue, { text: "retry" }));
    for (let i = 0; i < 20 && (await seen()).length === 0; i++) {
      await runDueJobs(10, [queue]);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await seen()).toEqual([{ title: "retry" }]);
    expect((await jobsFor("retry"))[0]).toMatchObject({ status: "DONE", attempts: 3 });
  });

  it("dead-letters a job after its last attempt, keeping the error", async () => {
    failuresLeft = 99;
    await db.$transaction(async (tx) => enqueue(tx, queue, { text: "dead" }));
    for (let i = 0; i < 20; i++) {
      await runDueJobs(10, [queue]);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await jobsFor("dead"))[0]).toMatchObject({ status: "DEAD", attempts: 3, lastError: "transient failure" });
    expect(await seen()).toEqual([]);
  });

  it("never gives one job to two workers at once", async () => {
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await enqueue(tx, queue, { text: `n${i}` });
    });
    // Three workers race for the same 30 jobs.
    await Promise.all([drainJobs([queue]), drainJobs([queue]), drainJobs([queue])]);
    const titles = (await seen()).map((s) => s.title).sort();
    expect(titles).toHaveLength(30);
    expect(new Set(titles).size).toBe(30);
  });

  it("reclaims a job whose worker died holding the lease", async () => {
    await db.$transaction(async (tx) => enqueue(tx, queue, { text: "orphan" }));
    const [job] = await jobsFor("orphan");
    // Simulate a worker that claimed the job and then crashed: attempts bumped, lease already lapsed.
    await db.job.update({ where: { id: job!.id }, data: { attempts: 1, lockedUntil: new Date(Date.now() - 1000) } });
    await drainJobs([queue]);
    expect(await seen()).toEqual([{ title: "orphan" }]);
    // A live lease is respected.
    await db.$transaction(async (tx) => enqueue(tx, queue, { text: "leased" }));
    const [leased] = await jobsFor("leased");
    await db.job.update({ where: { id: leased!.id }, data: { attempts: 1, lockedUntil: new Date(Date.now() + 60_000) } });
    await runDueJobs(10, [queue]);
    expect((await jobsFor("leased"))[0]!.status).toBe("PENDING");
  });
});

describe("backoff", () => {
  it("keeps exactly one run of a recurring job queued, however many workers start, and each run queues the next", async () => {
    const recurring = defineJob({ id: `${queue}.daily`, schema: z.object({}).strict(), everyMs: 3_600_000, handler: async () => { await db.notification.create({ data: { userId, kind: "echo", title: "tick", body: "tick" } }); } });
    jobDefinitions.push(recurring);
    try {
      const pending = () => db.job.findMany({ where: { queue: recurring.id, status: "PENDING" }, select: { runAt: true } });
      // Scoped to this queue: other files share the database and their own recurring queues.
      const only = [recurring.id];
      await Promise.all([ensureRecurringJobs(only), ensureRecurringJobs(only), ensureRecurringJobs(only)]);
      expect(await pending()).toHaveLength(1);
      expect(await runDueJobs(5, [recurring.id])).toBe(1);
      expect(await seen()).toEqual([{ title: "tick" }]);
      const next = await pending();
      expect(next).toHaveLength(1);
      expect(next[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
      // Not due yet: nothing runs, and a restarting worker queues no second run.
      expect(await runDueJobs(5, [recurring.id])).toBe(0);
      await ensureRecurringJobs(only);
      expect(await pending()).toHaveLength(1);
      expect(await db.job.count({ where: { queue: recurring.id, status: "DONE" } })).toBe(1);
    } finally {
      jobDefinitions.splice(jobDefinitions.indexOf(recurring), 1);
    }
  });

  it("grows exponentially with full jitter, capped at an hour", () => {
    expect(backoffDelayMs(1, 1000, () => 0)).toBe(500);
    expect(backoffDelayMs(1, 1000, () => 1)).toBe(1000);
    expect(backoffDelayMs(4, 1000, () => 1)).toBe(8000);
    expect(backoffDelayMs(40, 1000, () => 1)).toBe(3_600_000);
  });
});
