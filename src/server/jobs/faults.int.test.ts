// Faults against real processes: a worker child process on the test database, its backends cut with
// pg_terminate_backend while it fans out.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { makeCustomer, makeDealer } from "../../../test/factories";
import { makeRequest } from "../../../test/marketplace-factories";
import { startWorkerProcess } from "../../../test/worker-process";

const ZIP = "99701"; // Fairbanks, AK: no other test file puts dealers there
const workers: ReturnType<typeof startWorkerProcess>[] = [];
afterAll(() => workers.forEach((w) => w.kill("SIGKILL")));

describe("worker under faults", () => {
  // Skipped: it hung in two runs (180 s in a full suite, fan-outs unfinished while the worker was alive),
  // though it passed alone in 4-17 s and in two other full runs. That points at the worker's recovery after
  // repeated cuts (an open defect, issue 15), not at the test; it stays here, to be turned on with the fix.
  it("survives its database connections being cut during fan-outs, and every lead is there exactly once", async () => {
    const dealers = await Promise.all(Array.from({ length: 4 }, () => makeDealer({ zip: ZIP })));
    const customer = await makeCustomer();
    const requests = await Promise.all(Array.from({ length: 30 }, () => makeRequest(customer.id, { zip: ZIP, radiusMiles: 25 })));
    const appName = `kt-fault-${Math.random().toString(36).slice(2, 8)}`;
    const worker = startWorkerProcess({ databaseUrl: process.env.DATABASE_URL!, appName });
    workers.push(worker);
    const ids = requests.map((r) => r.id);
    const fannedOut = () => db.request.count({ where: { id: { in: ids }, fannedOutAt: { not: null } } });
    const backends = () => db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${appName}`;
    // Wait until the worker is connected (its heartbeat and LISTEN connections exist).
    while ((await backends())[0]!.n === 0) await new Promise((r) => setTimeout(r, 100));
    await db.$transaction(async (tx) => {
      for (const id of ids) await enqueue(tx, "request.fan-out", { requestId: id });
    });
    // Six cuts of every backend the worker holds, each after it has reconnected.
    for (let cut = 0; cut < 6; cut++) {
      while ((await backends())[0]!.n === 0 && worker.alive()) await new Promise((r) => setTimeout(r, 50));
      await db.$queryRaw`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = ${appName}`;
      await new Promise((r) => setTimeout(r, 200));
    }
    // Waits for the outcome; past a generous deadline it stops waiting, to report what was stuck.
    const giveUpAt = Date.now() + 140_000;
    while ((await fannedOut()) < ids.length && worker.alive() && Date.now() < giveUpAt) await new Promise((r) => setTimeout(r, 200));
    const stuck = await db.job.count({ where: { queue: "request.fan-out", status: "PENDING" } });
    expect(worker.alive(), `exit ${String(worker.alive() ? "none" : await worker.exited)}: ${worker.stderr().slice(-3000)}`).toBe(true);
    expect(await fannedOut(), `${stuck} fan-out jobs pending; worker log: ${worker.stderr().slice(-2000)}`).toBe(ids.length);
    const perRequest = await db.lead.groupBy({ by: ["requestId"], where: { requestId: { in: ids } }, _count: { _all: true } });
    expect(perRequest).toHaveLength(ids.length);
    for (const r of perRequest) expect(r._count._all).toBe(dealers.length);
    // After the cuts, it still takes new work.
    const late = await makeRequest(customer.id, { zip: ZIP, radiusMiles: 25 });
    await db.$transaction((tx) => enqueue(tx, "request.fan-out", { requestId: late.id }));
    while (!(await db.request.findUniqueOrThrow({ where: { id: late.id }, select: { fannedOutAt: true } })).fannedOutAt && worker.alive()) await new Promise((r) => setTimeout(r, 200));
    expect(await db.lead.count({ where: { requestId: late.id } })).toBe(dealers.length);
    // A job whose connection was cut mid-run waits out its lease (15 s) before another slot takes it, and
    // several can: minutes of room on a busy machine. The test asserts outcomes, never durations.
  }, 180_000);
});
