import { expect, test } from "@playwright/test";
import { demo, signIn } from "../fixtures/auth";

test("the session cookie is HttpOnly and SameSite", async ({ page }) => {
  await signIn(page, demo.cara);
  const session = (await page.context().cookies()).find((c) => c.name.includes("session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
});

test("a mutation from another origin is refused", async ({ page, baseURL }) => {
  await signIn(page, demo.dealerDallas);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const res = await page.request.post(`${baseURL}/api/trpc/auth.addStaff?batch=1`, {
    headers: { origin: "https://evil.example", cookie, "content-type": "application/json" },
    data: { 0: { json: { name: "Mallory", email: "mallory@evil.example", password: "good-password-7", role: "OWNER" } } },
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toEqual({ error: { code: "FORBIDDEN", message: "Cross-origin request refused." } });
});

test("an oversized body is refused with 413, not a 500", async ({ request }) => {
  const res = await request.post("/api/trpc/auth.signUp?batch=1", {
    headers: { "content-type": "application/json" },
    data: { 0: { json: { name: "x".repeat(400_000) } } },
  });
  expect(res.status()).toBe(413);
  expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
});

test("bad input to a procedure is a 400 with a message, never a stack trace", async ({ request }) => {
  const res = await request.post("/api/trpc/auth.signUp?batch=1", {
    headers: { "content-type": "application/json" },
    data: { 0: { json: { role: "CUSTOMER", name: "A", email: "not-an-email", password: "x", status: "ADMIN" } } },
  });
  expect(res.status()).toBe(400);
  const body = await res.text();
  expect(body).toContain("Enter a valid email address.");
  expect(body).not.toMatch(/expected \w+, received|Too (big|small)|Invalid input/);
  expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
  expect(body).not.toContain("stack");
});
