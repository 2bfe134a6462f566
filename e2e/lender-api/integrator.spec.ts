// An outside integrator: after creating a key in the console, it knows only the OpenAPI document and HTTP.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PORTS } from "../../playwright.config";
import { expectNoSeriousA11yIssues, shoot } from "../fixtures/look";
import { demo, signIn, unique } from "../fixtures/auth";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyKeyturnSignature } from "../../src/modules/webhooks/signature";
import { quotedRequestSharingCredit } from "./setup";

/** The lender's own webhook endpoint: a plain HTTP server on loopback that records what it receives. */
async function startReceiver() {
  const hits: { body: string; signature: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({ body: Buffer.concat(chunks).toString(), signature: String(req.headers["keyturn-signature"] ?? "") });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { hits, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keyturn`, close: () => new Promise((r) => server.close(r)) };
}

const A = `http://localhost:${PORTS.a}`;



type Doc = { servers: { url: string }[]; paths: Record<string, Record<string, { operationId: string }>> };
/** Resolves an operationId to its method and path template, as a generated client would. */
function operation(doc: Doc, operationId: string) {
  for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) if (op.operationId === operationId) return { method, url: (params: Record<string, string> = {}) => `${doc.servers[0]!.url}${path.replace(/\{(\w+)\}/g, (_, k: string) => params[k]!)}` };
  throw new Error(`no operation ${operationId}`);
}

async function setAutoDecision(page: Page, on: boolean) {
  await page.goto(`${A}/lender/policy`);
  const toggle = page.getByRole("checkbox", { name: /Decide automatically/ });
  await expect(toggle).toBeVisible();
  await toggle.setChecked(on);
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Policy saved.")).toBeVisible();
}

test("an integrator creates a key in the console, then polls, reads and decides over HTTP; the buyer sees the APR", async ({ browser, playwright }) => {
  const lenderCtx = await browser.newContext({ baseURL: A });
  const lender = await lenderCtx.newPage();
  await signIn(lender, demo.lender1, undefined, A);

  // An integrating lender pauses its auto-decision policy so requests wait for its system.
  await setAutoDecision(lender, false);
  await expect(lender.getByText("Paused: requests wait")).toBeVisible();
  await expectNoSeriousA11yIssues(lender);
  await shoot(lender, "lender-policy");

  await lender.goto(`${A}/lender/api-keys`);
  await expect(lender.getByRole("heading", { name: "API keys" })).toBeVisible();
  await lender.getByLabel("Name").fill("Loan origination system");
  await lender.getByLabel("Mode").selectOption("LIVE");
  await lender.getByRole("button", { name: "Create key" }).click();
  const key = (await lender.getByTestId("new-key-secret").textContent())!.trim();
  expect(key).toMatch(/^kt_live_/);
  await expect(lender.getByTestId("api-key-list")).toContainText("Loan origination system");
  await expect(lender.getByTestId("api-key-list")).not.toContainText(key);
  await expectNoSeriousA11yIssues(lender);
  await shoot(lender, "lender-api-keys");

  // The lender registers its endpoint: metadata addresses are refused, its own receiver is accepted.
  const receiver = await startReceiver();
  await lender.goto(`${A}/lender/webhooks`);
  await lender.getByLabel("Endpoint URL").fill("https://169.254.169.254/latest/meta-data");
  await lender.getByRole("button", { name: "Save endpoint" }).click();
  await expect(lender.getByText(/private or reserved address/)).toBeVisible();
  await lender.getByLabel("Endpoint URL").fill(receiver.url);
  await lender.getByRole("button", { name: "Save endpoint" }).click();
  const secret = (await lender.getByTestId("webhook-secret").locator("code").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);

  const model = unique("Rav");
  const { requestId } = await quotedRequestSharingCredit(model);

  // ── From here on: only HTTP and the OpenAPI document. ──
  const anon = await playwright.request.newContext({ baseURL: A });
  const doc = (await (await anon.get("/api/v1/openapi.json")).json()) as Doc & { openapi: string };
  expect(doc.openapi).toBe("3.1.0");
  const api: APIRequestContext = await playwright.request.newContext({ baseURL: A, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const list = operation(doc, "listPreApprovals");
  const get = operation(doc, "getPreApproval");
  const decide = operation(doc, "postDecision");

  // Poll pending requests until ours arrives (the quote's job runs on the worker).
  let mine: { id: string; quote_version: number; amount_cents: number } | undefined;
  await expect
    .poll(
      async () => {
        let cursor: string | null = null;
        do {
          const res = await api.get(`${list.url()}?status=pending&limit=50${cursor ? `&cursor=${cursor}` : ""}`);
          expect(res.status()).toBe(200);
          const page = (await res.json()) as { data: { id: string; request_id: string; quote_version: number; amount_cents: number }[]; next_cursor: string | null };
          mine = page.data.find((d) => d.request_id === requestId);
          cursor = mine ? null : page.next_cursor;
        } while (cursor);
        return mine?.id ?? null;
      },
      { timeout: 30_000 },
    )
    .not.toBeNull();

  const one = await api.get(get.url({ id: mine!.id }));
  expect(one.status()).toBe(200);
  const detail = await one.json();
  expect(detail).toMatchObject({ status: "pending", vehicle: { make: "Toyota", model, condition: "new" }, quote: { amount_financed_cents: 3_440_000 }, applicant: { credit: { score: expect.any(Number) } } });
  expect(JSON.stringify(detail)).not.toMatch(/Ava|Martinez|ava@demo/);

  const body = { decision: "approved", decisionVersion: 1, quoteVersion: detail.quote_version, aprBps: 449, termMonths: 60, maxAmountCents: 4_000_000 };
  const idem = { "idempotency-key": `e2e-${model}` };
  const first = await api.post(decide.url({ id: mine!.id }), { data: body, headers: idem });
  expect(first.status()).toBe(201);
  const decided = await first.json();
  expect(decided).toMatchObject({ applied: true, pre_approval: { status: "approved", apr_bps: 449 } });

  const replay = await api.post(decide.url({ id: mine!.id }), { data: body, headers: idem });
  expect(replay.status()).toBe(201);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(await replay.json()).toEqual(decided);

  const clash = await api.post(decide.url({ id: mine!.id }), { data: { ...body, aprBps: 199 }, headers: idem });
  expect(clash.status()).toBe(422);
  expect(await clash.json()).toEqual({ error: { code: "unprocessable", message: expect.stringMatching(/Idempotency-Key/) } });

  // A key in the URL is refused outright.
  const inUrl = await anon.get(`${list.url()}?api_key=${key}`);
  expect(inUrl.status()).toBe(400);
  expect((await inUrl.json()).error.code).toBe("key_in_url");

  // The buyer's inbox shows the lender's APR and the monthly payment it implies.
  const buyerCtx = await browser.newContext({ baseURL: A });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ava, undefined, A);
  await buyer.goto(`${A}/customer/requests/${requestId}`);
  const monthly = (decided.pre_approval.monthly_payment_cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });
  await expect(buyer.getByTestId("apr").first()).toHaveText("4.49% APR", { timeout: 20_000 });
  await expect(buyer.getByTestId("monthly").first()).toContainText(monthly);
  await shoot(buyer, "lender-buyer-financing");

  // The console shows the decision; revoking the key stops it on the next call.
  await lender.goto(`${A}/lender`);
  await expect(lender.getByTestId("pre-approval-queue")).toContainText(model);
  await expectNoSeriousA11yIssues(lender);
  await shoot(lender, "lender-console");
  await lender.goto(`${A}/lender/api-keys`);
  lender.once("dialog", (d) => void d.accept());
  await lender.getByRole("button", { name: "Revoke Loan origination system" }).click();
  await expect(lender.getByTestId("api-key-list")).toContainText("Revoked");
  const after = await api.get(list.url());
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("unauthorized");

  // The pre-approval request also reached the lender's endpoint through the outbox, signed.
  await expect.poll(() => receiver.hits.some((h) => h.body.includes(mine!.id)), { timeout: 30_000 }).toBe(true);
  const hit = receiver.hits.find((h) => h.body.includes(mine!.id))!;
  expect(verifyKeyturnSignature(hit.signature, hit.body, [secret])).toBe(true);
  expect(JSON.parse(hit.body)).toMatchObject({ id: expect.stringMatching(/^evt_/), type: "pre_approval.requested", data: { pre_approval_id: mine!.id, quote_version: 1 } });
  await lender.goto(`${A}/lender/webhooks`);
  const log = lender.getByTestId("delivery-log");
  await expect(log).toContainText("pre_approval.requested");
  await expect(log).toContainText("Delivered");
  await expect(log).toContainText("HTTP 200");
  await log.getByRole("button", { name: "Payload" }).first().click();
  await expect(log.locator("pre")).toContainText(mine!.id);
  await expectNoSeriousA11yIssues(lender);
  await shoot(lender, "lender-webhooks");
  await lender.getByLabel("Endpoint URL").fill("");
  await lender.getByRole("button", { name: "Save endpoint" }).click();
  await expect(lender.getByText("Endpoint saved.")).toBeVisible();

  await setAutoDecision(lender, true);
  await Promise.all([lenderCtx.close(), buyerCtx.close(), anon.dispose(), api.dispose(), receiver.close()]);
});

test("the API reference reads well and documents every endpoint", async ({ page }) => {
  await page.goto(`${A}/docs/api`);
  await expect(page.getByRole("heading", { name: "Keyturn API: lenders and dealer inventory" })).toBeVisible();
  for (const h of ["Authentication", "Errors", "List pre-approval requests", "Decide on a pre-approval request", "Webhooks"]) {
    await expect(page.getByRole("heading", { name: h })).toBeVisible();
  }
  await expect(page.getByText("Idempotency-Key: 6f1c2e0a").first()).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "lender-api-docs");
  await shoot(page, "lender-api-docs-top", false);
  await page.locator("#postDecision").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/lender-api-docs-decision-phone.png" });
});
