// Post -> fan-out latency through a real worker process (`npm run worker`), first while the lender's
// webhook endpoint answers at once, then while it hangs and holds every webhook slot. The per-pool slots
// (src/server/jobs/worker.ts) should leave the two close: a hanging lender holds webhook slots only.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { createMigratedDatabase, dropDatabase } from "../test/database";

const database = await createMigratedDatabase("keyturn_bench");
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.ENCRYPTION_KEYS ??= `b1:${randomBytes(32).toString("base64")}`;
Object.assign(process.env, { NODE_ENV: "test", WEBHOOK_ALLOW_LOCALHOST: "true", WEBHOOK_TIMEOUT_SECONDS: "60" });

const { db } = await import("~/server/db");
const { enqueue } = await import("~/server/jobs/queue");
const { emitLenderEvent } = await import("~/modules/lender-api/emit-lender-event");
const { saveWebhookUrl } = await import("~/modules/webhooks/manage-endpoint");
const { POOL_CONCURRENCY } = await import("~/server/jobs/worker");
const { makeCustomer, makeDealer, makeLender } = await import("../test/factories");
const { makeRequest } = await import("../test/marketplace-factories");
const { startWorkerProcess } = await import("../test/worker-process");

const ZIP = "96720";
const POSTS = 30;
let hang = false;
const open: http.ServerResponse[] = [];
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => (hang ? open.push(res) : res.writeHead(200).end()));
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
for (let i = 0; i < 10; i++) await makeDealer({ zip: ZIP, dailyLeadCap: 100000 });
const lender = await makeLender({ policyActive: false });
await saveWebhookUrl(lender.id, `${base}/hook`);
const buyer = await makeCustomer();
const worker = startWorkerProcess({ databaseUrl: database.url, appName: "kt-bench-worker", env: { WEBHOOK_TIMEOUT_SECONDS: "60" } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function round(label: string) {
  // Keep the webhook pool busy: twice its slots in events, then the posts, one at a time.
  for (let i = 0; i < POOL_CONCURRENCY.webhooks * 2; i++)
    await db.$transaction((tx) => emitLenderEvent(tx, { lenderId: lender.id, type: "pre_approval.requested", data: { pre_approval_id: `pa_${i}` } }));
  if (hang) while (open.length < POOL_CONCURRENCY.webhooks) await sleep(50);
  const ms: number[] = [];
  for (let i = 0; i < POSTS; i++) {
    const { id } = await makeRequest(buyer.id, { zip: ZIP, radiusMiles: 25 });
    const t0 = performance.now();
    await db.$transaction((tx) => enqueue(tx, "request.fan-out", { requestId: id }));
    while (!(await db.request.findUniqueOrThrow({ where: { id }, select: { fannedOutAt: true } })).fannedOutAt) await sleep(2);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
  console.log(`post -> fan-out, webhook endpoint ${label}: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (${POSTS} posts; webhook calls hanging: ${open.length})`);
}

try {
  while (!(await db.workerHeartbeat.count())) await sleep(100); // the worker is up
  await round("healthy");
  hang = true;
  await round("hanging");
} finally {
  worker.kill("SIGKILL");
  await worker.exited;
  for (const r of open) r.destroy();
  server.closeAllConnections();
  server.close();
  await db.$disconnect();
  await dropDatabase(database.name);
}
