// Issue 13 item 23 (malformed %-escapes in addresses) and item 12 (sign-in returns to the page that asked).
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo } from "../fixtures/auth";
import { expectNoSeriousA11yIssues, shoot } from "../fixtures/look";

test("a malformed %-escape in a page or API address is a 400 with a sentence, never a 500", async ({ request }) => {
  for (const path of ["/customer/requests/%E0%A4%A", "/dealer/leads/%ZZ", "/key/%E0%A4"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect([path, res.status()]).toEqual([path, 400]);
    expect(await res.text()).toContain("The address contains a malformed %-escape.");
  }
  for (const path of ["/api/trpc/inbox.get%E0", "/api/v1/pre-approvals/%E0%A4%A", "/api/v1/pre-approvals/%ZZ/decisions"]) {
    const res = await request.get(path);
    expect([path, res.status()]).toEqual([path, 400]);
    expect(await res.json()).toEqual({ error: { code: "BAD_REQUEST", message: "The address contains a malformed %-escape. Check the link and try again." } });
  }
});

test("the bad-address page is readable", async ({ page }) => {
  await page.goto("/customer/requests/%E0%A4%A");
  await expect(page.getByRole("heading", { name: "That address doesn't work" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "bad-address");
});

async function signInHere(page: import("@playwright/test").Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signing in from a page returns to that page, with its query", async ({ page }) => {
  await page.goto("/customer/requests/new");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcustomer%2Frequests%2Fnew$/);
  await signInHere(page, demo.ava);
  await expect(page).toHaveURL(/\/customer\/requests\/new$/);
  await expect(page.getByTestId("signed-in-as")).toBeAttached();
});

test("a return address on another site or in another area lands on the user's home instead", async ({ page }) => {
  for (const callbackUrl of ["https://evil.example/customer", "//evil.example/customer", "/dealer/leads"]) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await signInHere(page, demo.ava);
    await expect(page).toHaveURL(/\/customer$/);
  }
});
