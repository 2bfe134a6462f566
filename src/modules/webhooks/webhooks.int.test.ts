// A real receiver on 127.0.0.1 (WEBHOOK_ALLOW_LOCALHOST is on in tests) behind the real outbox worker.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { runDueJobs } from "~/server/jobs/worker";
import { emitLenderEvent } from "~/modules/lending/emit-lender-event";
import { redriveDelivery, rotateWebhookSecret, saveWebhookUrl } from "~/modules/webhooks/manage-endpoint";
import { WEBHOOK_MAX_ATTEMPTS } from "~/modules/webhooks/deliver";
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
    expect(await deliveryOf(eventId)).toMatchObject({ status: "DEAD", attempts: WEBHOOK_MAX_ATTEMPTS, lastStatusCode: 500 });
    expect(hits.filter((h) => h.path === "/down")).toHaveLength(WEBHOOK_MAX_ATTEMPTS);

    up = true;
    await redriveDelivery(lender.id, d.id);
    await runAllAttempts(d.id, 2);
    expect(await deliveryOf(eventId)).toMatchObject({ status: "DELIVERED", lastStatusCode: 204 });
    expect(hits.filter((h) => h.path === "/down")).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);
    // Another lender cannot redrive it.
    const other = await makeLender();
    await expect(redriveDelivery(other.id, d.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
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
