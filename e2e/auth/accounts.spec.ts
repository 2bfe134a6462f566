import { expect, test } from "@playwright/test";
import { demo, signIn, unique } from "../fixtures/auth";

const PASSWORD = "good-password-7";

async function signUp(page: import("@playwright/test").Page, role: "Buyer" | "Dealer" | "Lender", extra: Record<string, string> = {}) {
  const email = `${unique(role.toLowerCase())}@e2e.test`;
  await page.goto("/signup");
  await page.locator("label", { hasText: role }).click();
  await page.getByLabel("Your name").fill(`E2E ${role}`);
  for (const [label, value] of Object.entries(extra)) await page.getByLabel(label).fill(value);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  return email;
}

test("a buyer signs up and lands on their requests", async ({ page }) => {
  await signUp(page, "Buyer");
  await expect(page).toHaveURL(/\/customer$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText("E2E Buyer");
});

test("a dealer signs up with their dealership and lands on the dashboard", async ({ page }) => {
  await signUp(page, "Dealer", { "Dealership name": "E2E Motors", "Dealership ZIP code": "85004" });
  await expect(page).toHaveURL(/\/dealer$/);
  await expect(page.getByRole("heading", { name: "Leads" })).toBeVisible();
});

test("a lender signs up and lands in the console", async ({ page }) => {
  await signUp(page, "Lender", { "Lender name": "E2E Credit" });
  await expect(page).toHaveURL(/\/lender$/);
  await expect(page.getByRole("heading", { name: "Lender console" })).toBeVisible();
});

test("the admin signs in and sees the market", async ({ page }) => {
  await signIn(page, demo.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Market overview" })).toBeVisible();
});

test("bad input is explained on the form", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(demo.ava);
  await page.getByLabel("Password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Dup");
  await page.getByLabel("Email").fill(demo.ava);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This email is already registered")).toBeVisible();

  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

test("a role cannot open another role's area, and the server refuses the data", async ({ page }) => {
  await signIn(page, demo.dealerPhoenix);
  for (const path of ["/lender", "/admin", "/customer"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  const res = await page.request.get("/api/trpc/admin.metrics");
  expect(res.status()).toBe(403);
  expect(await res.text()).not.toContain("customers");
});

test("signed-out visitors are sent to sign in, and sign-out ends the session", async ({ page }) => {
  await page.goto("/dealer");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdealer/);

  await signIn(page, demo.ben);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/customer");
  await expect(page).toHaveURL(/\/signin/);

  // A copy of the old session cookie no longer works either.
  await page.context().addCookies(cookies);
  await page.goto("/customer");
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, demo.ben);
});

test("a dealer owner adds a salesperson who can then sign in", async ({ page, browser }) => {
  await signIn(page, demo.dealerDallas);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: /^Team/ }).click();
  const email = `${unique("staff")}@e2e.test`;
  await page.getByLabel("Name").fill("Sal Salesperson");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Temporary password").fill(PASSWORD);
  await page.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByText("Sal Salesperson can now sign in.")).toBeVisible();
  await expect(page.getByTestId("staff-list")).toContainText(email);

  const other = await browser.newPage();
  await signIn(other, email, PASSWORD, test.info().project.use.baseURL);
  await expect(other).toHaveURL(/\/dealer$/);
  await other.close();
});
