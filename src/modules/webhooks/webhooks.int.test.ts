// A real receiver on 127.0.0.1 (WEBHOOK_ALLOW_LOCALHOST is on in tests) behind the real outbox worker.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { runDueJobs } from "~/server/jobs/worker";
import { emitLenderEvent } from "~/modules/lender-api/emit-lender-event";
import { sweepStrandedDeliveries } from "~/modules/webhooks/sweep-deliveries";
import { redriveDelivery, rotateWebhookSecret, saveWebhookUrl } from "~/modules/webhooks/manage-endpoint";
import { deliverWebhook, webhookMaxAttempts, webhookRetryDelayMs } from "~/modules/webhooks/deliver";
import { verifyKeyturnSignature } from "~/modules/webhooks/signature";
import { makeLender } from "../../../test/factories";

type Hit = { path: string; body: string; signature: string | undefined };
const hits: Hit[] = [];
let respond: (hit: Hit, nth: number) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 });
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const hit = { path: req.url ?? "", body: Buffer.concat(chunks).toString(), signature: req.headers["keyturn-signature"] as string | undefined };
      hits.push(hit);
      const r = respond(hit, hits.filter((h) => h.path === hit.path).length);
      res.writeHead(r.status, r.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Makes every scheduled webhook attempt due now (the backoff is real; the clock is not waited on). */
async function runAllAttempts(deliveryId: string, rounds = 12) {
  for (let i = 0; i < rounds; i++) {
    await db.$executeRaw`UPDATE "WebhookDelivery" SET "nextAttemptAt" = now() WHERE "id" = ${deliveryId} AND "status" = 'PENDING'`;
    await db.$executeRaw`UPDATE "Job" SET "runAt" = now() WHERE "queue" = 'webhook.deliver' AND "status" = 'PENDING' AND "payload"->>'deliveryId' = ${deliveryId}`;
    await runDueJobs(50, ["webhook.deliver"]);
  }
}

async function lenderWithEndpoint(path: string) {
  const lender = await makeLender({ policyActive: false });
  const { secret } = await saveWebhookUrl(lender.id, `${base}${path}`);
  return { lender, secret: secret! };
}

const emit = (lenderId: string) =>
  db.$transaction((tx) => emitLenderEvent(tx, { lenderId, type: "pre_approval.requested", data: { pre_approval_id: "pa_test" } }));
const deliveryOf = (eventId: string) => db.webhookDelivery.findUniqueOrThrow({ where: { eventId }, select: { id: true, status: true, attempts: true, lastStatusCode: true, lastDurationMs: true, lastError: true } });

describe("signed webhook delivery", () => {
  it("retries a receiver that is down three times, then delivers once in effect with valid signatures", async () => {
    const { lender, secret } = await lenderWithEndpoint("/flaky");
    respond = (hit, nth) => ({ status: nth <= 3 ? 503 : 200 });
    const { eventId } = await emit(lender.id);
    const d = await deliveryOf(eventId);
    await runAllAttempts(d.id);

    const mine = hits.filter((h) => h.path === "/flaky");
    expect(mine).toHaveLength(4);
    for (const h of mine) {
      expect(verifyKeyturnSignature(h.signature, h.body, [secret])).toBe(true);
      expect(verifyKeyturnSignature(h.signature, h.body, ["whsec_wrong"])).toBe(false);
    }
    // The receiver de-duplicates on the event id: one distinct event, processed once.
    expect(new Set(mine.map((h) => (JSON.parse(h.body) as { id: string }).id))).toEqual(new Set([eventId]));
    expect(await deliveryOf(eventId)).toMatchObject({ status: "DELIVERED", attempts: 4, lastStatusCode: 200, lastError: null });
    expect((await deliveryOf(eventId)).lastDurationMs).toBeGreaterThanOrEqual(0);
  });

  it("dead-letters after the last attempt, and a redrive delivers it", async () => {
    const { lender } = await lenderWithEndpoint("/down");
    let up = false;
    respond = () => ({ status: up ? 204 : 500 });
    const { eventId } = await emit(lender.id);
    const d = await deliveryOf(eventId);
    await runAllAttempts(d.id);
    expect(await deliveryOf(eventId)).toMatchObject({ status: "DEAD", attempts: webhookMaxAttempts(), lastStatusCode: 500 });
    expect(hits.filter((h) => h.path === "/down")).toHaveLength(webhookMaxAttempts());

    up = true;
    await redriveDelivery(lender.id, d.id);
    await runAllAttempts(d.id, 2);
    expect(await deliveryOf(eventId)).toMatchObject({ status: "DELIVERED", lastStatusCode: 204 });
    expect(hits.filter((h) => h.path === "/down")).toHaveLength(webhookMaxAttempts() + 1);
    // Another lender cannot redrive it.
    const other = await makeLender();
    await expect(redriveDelivery(other.id, d.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps retrying a receiver that is down for more than a day (the old window was 8–15 minutes), then delivers", async () => {
    const { lender } = await lenderWithEndpoint("/long-outage");
    // Down for every attempt but the last: more failures than the old schedule's six attempts allowed.
    respond = (hit, nth) => ({ status: nth < webhookMaxAttempts() ? 503 : 200 });
    expect(webhookMaxAttempts()).toBeGreaterThan(6);
    const { eventId } = await emit(lender.id);
    const d = await deliveryOf(eventId);
    // The schedule is real; the clock is moved instead of waited on, and the waits are added up.
    let waitedMs = 0;
    for (let i = 0; i < webhookMaxAttempts() + 2 && (await deliveryOf(eventId)).status === "PENDING"; i++) {
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id }, select: { nextAttemptAt: true } });
      waitedMs += Math.max(0, row.nextAttemptAt.getTime() - Date.now());
      await runAllAttempts(d.id, 1);
    }
    expect(await deliveryOf(eventId)).toMatchObject({ status: "DELIVERED", attempts: webhookMaxAttempts(), lastStatusCode: 200 });
    expect(hits.filter((h) => h.path === "/long-outage")).toHaveLength(webhookMaxAttempts());
    expect(waitedMs).toBeGreaterThanOrEqual(24 * 3600 * 1000);
    // And the schedule alone (no jitter) spans a day too.
    const scheduled = Array.from({ length: webhookMaxAttempts() - 1 }, (_, i) => webhookRetryDelayMs(i + 1, () => 0)).reduce((a, b) => a + b, 0);
    expect(scheduled).toBeGreaterThanOrEqual(24 * 3600 * 1000);
  });

  it("an attempt rerun while the delivery is held (its worker died mid-request) comes back later instead of stranding it", async () => {
    const { lender } = await lenderWithEndpoint("/held");
    respond = () => ({ status: 200 });
    const { eventId } = await emit(lender.id);
    const d = await deliveryOf(eventId);
    // A worker claimed the attempt (the hold), sent the request and died: its job's lease lapses and the
    // job runs again while the hold is still on.
    await db.$executeRaw`UPDATE "WebhookDelivery" SET "attempts" = 1, "nextAttemptAt" = now() + interval '30 seconds' WHERE "id" = ${d.id}`;
    await runDueJobs(50, ["webhook.deliver"]);
    const again = await db.job.findMany({ where: { queue: "webhook.deliver", status: "PENDING", payload: { equals: { deliveryId: d.id } } }, select: { runAt: true } });
    expect(again).toHaveLength(1);
    expect(again[0]!.runAt.getTime()).toBeGreaterThan(Date.now());
    // A second rerun adds no second job.
    await deliverWebhook(d.id);
    expect(await db.job.count({ where: { queue: "webhook.deliver", status: "PENDING", payload: { equals: { deliveryId: d.id } } } })).toBe(1);
    await runAllAttempts(d.id, 1);
    expect(await deliveryOf(eventId)).toMatchObject({ status: "DELIVERED", attempts: 2 });
  });

  it("a sweep gives a job back to a pending delivery that lost its own, and the lender can redrive a pending one", async () => {
    const { lender } = await lenderWithEndpoint("/stranded");
    respond = () => ({ status: 200 });
    const { eventId } = await emit(lender.id);
    const d = await deliveryOf(eventId);
    // Stranded: pending, due long ago, no job (as the old code left a delivery whose worker was killed).
    await db.job.deleteMany({ where: { queue: "webhook.deliver", payload: { equals: { deliveryId: d.id } } } });
    await db.$executeRaw`UPDATE "WebhookDelivery" SET "nextAttemptAt" = now() - interval '10 minutes' WHERE "id" = ${d.id}`;
    expect(await sweepStrandedDeliveries()).toBeGreaterThanOrEqual(1);
    expect(await sweepStrandedDeliveries()).toBe(0); // it has a job now
    await runDueJobs(50, ["webhook.deliver"]);
    expect(await deliveryOf(eventId)).toMatchObject({ status: "DELIVERED" });

    // A pending delivery waiting on a later retry can be sent again now.
    respond = () => ({ status: 500 });
    const second = await emit(lender.id);
    const p = await deliveryOf(second.eventId);
    await runAllAttempts(p.id, 1);
    expect(await deliveryOf(second.eventId)).toMatchObject({ status: "PENDING", attempts: 1 });
    respond = () => ({ status: 200 });
    await redriveDelivery(lender.id, p.id);
    await runDueJobs(50, ["webhook.deliver"]);
    expect(await deliveryOf(second.eventId)).toMatchObject({ status: "DELIVERED", attempts: 1 });
  });

  it("signs with both secrets during a rotation", async () => {
    const { lender, secret: oldSecret } = await lenderWithEndpoint("/rotate");
    respond = () => ({ status: 200 });
    const { secret: newSecret } = await rotateWebhookSecret(lender.id);
    const { eventId } = await emit(lender.id);
    await runAllAttempts((await deliveryOf(eventId)).id, 1);
    const h = hits.filter((x) => x.path === "/rotate").at(-1)!;
    expect(h.signature!.match(/v1=/g)).toHaveLength(2);
    expect(verifyKeyturnSignature(h.signature, h.body, [newSecret])).toBe(true);
    expect(verifyKeyturnSignature(h.signature, h.body, [oldSecret])).toBe(true);
  });

  it("does not follow redirects", async () => {
    const { lender } = await lenderWithEndpoint("/redirect");
    respond = (hit) => (hit.path === "/redirect" ? { status: 302, headers: { location: `${base}/elsewhere` } } : { status: 200 });
    const { eventId } = await emit(lender.id);
    await runAllAttempts((await deliveryOf(eventId)).id, 1);
    expect(await deliveryOf(eventId)).toMatchObject({ status: "PENDING", lastStatusCode: 302, lastError: expect.stringMatching(/Redirect/) });
    expect(hits.some((h) => h.path === "/elsewhere")).toBe(false);
  });

  it("re-checks the address at send time: an endpoint that became private is refused without a request", async () => {
    const { lender } = await lenderWithEndpoint("/moved");
    await db.lender.update({ where: { id: lender.id }, data: { webhookUrl: "http://10.0.0.1/hook" } });
    const { eventId } = await emit(lender.id);
    await runAllAttempts((await deliveryOf(eventId)).id, 1);
    expect(await deliveryOf(eventId)).toMatchObject({ status: "PENDING", lastStatusCode: null, lastError: expect.stringMatching(/^Refused: .*private or reserved/) });
  });

  it("refuses private endpoints at save time", async () => {
    const lender = await makeLender();
    for (const url of ["http://10.0.0.1/h", "https://169.254.169.254/latest", "https://192.168.1.5/", "https://[fd00::1]/"]) {
      await expect(saveWebhookUrl(lender.id, url)).rejects.toMatchObject({ code: "BAD_REQUEST", fields: { url: expect.any(String) } });
    }
    await expect(saveWebhookUrl(lender.id, "https://intranet.lender.test/h", async () => ["172.20.0.4"])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.lender.findUniqueOrThrow({ where: { id: lender.id }, select: { webhookUrl: true } })).webhookUrl).toBeNull();
  });
});
