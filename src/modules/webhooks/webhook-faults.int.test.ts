// Webhook faults against real processes: the worker runs as a child (`npm run worker`, test/worker-process.ts)
// and is killed with SIGKILL mid-request, or faces a receiver that is down or hangs. No assertion is on
// time: each test waits for an outcome (bounded by the test timeout) and checks what happened and in what order.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { emitLenderEvent } from "~/modules/lender-api/emit-lender-event";
import { saveWebhookUrl } from "~/modules/webhooks/manage-endpoint";
import { POOL_CONCURRENCY } from "~/server/jobs/worker";
import { enqueue } from "~/server/jobs/queue";
import { makeCustomer, makeDealer, makeLender } from "../../../test/factories";
import { makeRequest } from "../../../test/marketplace-factories";
import { startWorkerProcess } from "../../../test/worker-process";

const ZIP = "96720"; // Hilo, HI: no other test file puts dealers there
type WorkerProcess = ReturnType<typeof startWorkerProcess>;
/** Polls `check` until it holds; the test's own timeout bounds the wait. */
async function until(check: () => Promise<unknown>) {
  while (!(await check())) await new Promise((r) => setTimeout(r, 100));
}

type Hit = { path: string; eventId: string; res: http.ServerResponse };
const hits: Hit[] = [];
/** What the receiver does with the nth hit on a path: answer with a status, or hang (null). */
let respond: (path: string, nth: number) => number | null = () => 200;
let server: http.Server;
let base: string;
const workers: WorkerProcess[] = [];
const worker = (env: Record<string, string> = {}) => {
  const appName = `kt-webhook-fault-${Math.random().toString(36).slice(2, 8)}`;
  const w = startWorkerProcess({ databaseUrl: process.env.DATABASE_URL!, appName, env: { JOB_LEASE_SECONDS: "2", WEBHOOK_TIMEOUT_SECONDS: "1", ...env } });
  workers.push(w);
  return w;
};

beforeAll(async () => {
  // The worker child takes every due job in the shared test database. Earlier files leave retries of
  // their own behind (CRM deliveries to receivers long closed share the webhook slots), which made these
  // tests wait behind other files' backoffs. Those files are finished: their pending jobs go.
  await db.job.deleteMany({ where: { status: "PENDING" } });
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      hits.push({ path, eventId: (JSON.parse(Buffer.concat(chunks).toString()) as { id: string }).id, res });
      const status = respond(path, hits.filter((h) => h.path === path).length);
      if (status !== null) res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const w of workers.splice(0)) {
    if (w.alive()) {
      w.kill("SIGKILL");
      await w.exited;
    }
  }
  for (const h of hits) if (!h.res.headersSent) h.res.destroy();
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function lenderAt(path: string) {
  const lender = await makeLender({ policyActive: false });
  await saveWebhookUrl(lender.id, `${base}${path}`);
  return lender;
}
const emit = async (lenderId: string) => {
  const { eventId } = await db.$transaction((tx) => emitLenderEvent(tx, { lenderId, type: "pre_approval.requested", data: { pre_approval_id: "pa_fault" } }));
  return db.webhookDelivery.findUniqueOrThrow({ where: { eventId }, select: { id: true, eventId: true } });
};
const statusOf = async (id: string) => (await db.webhookDelivery.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
/** Ends a lender's deliveries so later tests' workers do not keep calling a receiver that is gone. */
const retire = async (lenderId: string) => {
  await db.webhookDelivery.updateMany({ where: { lenderId, status: "PENDING" }, data: { status: "DEAD" } });
};
/** A request whose fan-out job is enqueued now, as posting one does, and left to the worker process. */
async function post() {
  const buyer = await makeCustomer();
  const { id } = await makeRequest(buyer.id, { zip: ZIP, radiusMiles: 25 });
  await db.$transaction((tx) => enqueue(tx, "request.fan-out", { requestId: id }));
  return id;
}

describe("webhook delivery under faults (real worker processes)", () => {
  it("a worker killed with SIGKILL after sending a webhook and before the answer: the event is delivered again, never stranded", async () => {
    const lender = await lenderAt("/killed");
    respond = (path, nth) => (path === "/killed" && nth === 1 ? null : 200); // the first request never gets an answer
    const d = await emit(lender.id);
    const first = worker();
    await until(async () => hits.some((h) => h.path === "/killed"));
    first.kill("SIGKILL");
    await first.exited;
    expect(first.alive()).toBe(false);
    expect(await statusOf(d.id)).toBe("PENDING");

    worker(); // a fresh worker finds the lapsed lease, waits out the attempt's hold, and sends again
    await until(async () => (await statusOf(d.id)) === "DELIVERED");
    const mine = hits.filter((h) => h.path === "/killed");
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(new Set(mine.map((h) => h.eventId))).toEqual(new Set([d.eventId]));
  });

  it("a receiver down for longer than the old six-attempt window still gets the event (shortened schedule)", async () => {
    const lender = await lenderAt("/down-long");
    respond = (path, nth) => (path === "/down-long" && nth <= 7 ? 503 : 200);
    const d = await emit(lender.id);
    worker({ WEBHOOK_RETRY_SCHEDULE: "1,1,1,1,1,1,1,1" }); // the default's 9 attempts, in seconds instead of hours
    await until(async () => (await statusOf(d.id)) === "DELIVERED");
    const mine = hits.filter((h) => h.path === "/down-long");
    expect(mine).toHaveLength(8);
    expect(new Set(mine.map((h) => h.eventId))).toEqual(new Set([d.eventId]));
  });

  it("a hanging lender endpoint holds only webhook slots: a request posted meanwhile fans out while every slot still hangs", async () => {
    const lender = await lenderAt("/hang");
    respond = (path) => (path === "/hang" ? null : 200);
    const dealer = await makeDealer({ zip: ZIP, dailyLeadCap: 1000 });
    for (let i = 0; i < POOL_CONCURRENCY.webhooks + 4; i++) await emit(lender.id);
    worker({ WEBHOOK_TIMEOUT_SECONDS: "60" });
    await until(async () => hits.filter((h) => h.path === "/hang").length >= POOL_CONCURRENCY.webhooks);

    const requestId = await post();
    await until(async () => (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { fannedOutAt: true } })).fannedOutAt);
    expect(await db.lead.findMany({ where: { requestId }, select: { dealerId: true } })).toEqual([{ dealerId: dealer.id }]);
    // Ordering, not timing: the fan-out finished while every webhook slot was still held by a hanging call.
    const hanging = hits.filter((h) => h.path === "/hang");
    expect(hanging).toHaveLength(POOL_CONCURRENCY.webhooks);
    expect(hanging.every((h) => !h.res.headersSent && !h.res.destroyed)).toBe(true);
    await retire(lender.id);
  });
  it("a job running past its lease keeps it by heartbeat: a second worker never takes it while it runs", async () => {
    const lender = await lenderAt("/slow");
    respond = (path) => (path === "/slow" ? null : 200); // hangs until the attempt's own time limit
    const d = await emit(lender.id);
    worker({ WEBHOOK_TIMEOUT_SECONDS: "12" });
    worker({ WEBHOOK_TIMEOUT_SECONDS: "12" });
    await until(async () => hits.some((h) => h.path === "/slow"));
    const job = await db.job.findFirstOrThrow({ where: { queue: "webhook.deliver", payload: { equals: { deliveryId: d.id } } }, select: { id: true } });
    const leaseEnd = async () => (await db.job.findUniqueOrThrow({ where: { id: job.id }, select: { lockedUntil: true } })).lockedUntil?.getTime() ?? 0;
    // Watch the 2 s lease be renewed three times while the request still hangs: without the heartbeat
    // the other worker would claim the job after the first lapse and send the event a second time.
    const seen = new Set<number>([await leaseEnd()]);
    await until(async () => seen.add(await leaseEnd()).size >= 4);
    expect(hits.filter((h) => h.path === "/slow")).toHaveLength(1);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id }, select: { attempts: true } })).attempts).toBe(1);
    await retire(lender.id);
  });
});
