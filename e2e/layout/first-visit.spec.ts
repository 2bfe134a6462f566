import { expect, test, type Page } from "@playwright/test";
import { shoot } from "../fixtures/look";
import { demo, signIn, unique } from "../fixtures/auth";
import { dallasRequestWithQuote } from "../inbox/fixture";
import { acceptedDealScenario, shortCounterKey } from "../consent/setup";
import { quotedRequestSharingCredit } from "../lender-api/setup";
import { db } from "../../src/server/db";

async function noticeFor(preApprovalId: string) {
  const pa = await db.preApproval.findUniqueOrThrow({ where: { id: preApprovalId }, select: { lenderId: true, request: { select: { customerId: true } } } });
  await db.preApproval.update({ where: { id: preApprovalId }, data: { status: "DECLINED", decidedAt: new Date(), reasons: ["Debt-to-income ratio too high"] } });
  const n = await db.adverseActionNotice.create({
    data: { preApprovalId, customerId: pa.request.customerId, lenderId: pa.lenderId, reasons: ["Debt-to-income ratio too high"], scoreUsed: 640, scoreSource: "Experian" },
    select: { id: true },
  });
  return n.id;
}

// A word longer than any screen: before the fix one made the dealer's lead page 19,270 px wide.
const LONG_WORD = "Z".repeat(1_900);
const WIDTHS = [390, 1280] as const;

/** At each width, the document is exactly as wide as the viewport: nothing scrolls the page sideways. */
async function expectNoSidewaysScroll(page: Page, path: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${path} at ${width} px`).toBe(width);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function visitAll(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectNoSidewaysScroll(page, path);
  }
}

test("public pages and the 404: favicon served, styled, footer with privacy and terms, no sideways scroll", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404 && !/\/no-such-page|\/key\/not-a-real-token/.test(r.url())) missing.push(r.url());
  });
  await visitAll(page, ["/", "/signin", "/signup", "/signin/forgot", "/reset-password?token=not-a-real-token", "/privacy", "/terms", "/docs/api", "/no-such-page"]);
  // Counter-key links as a dealer's staff open them on a phone: a live one (the code prompt) and a wrong one.
  const deal = await acceptedDealScenario("cara@demo.keyturn");
  const key = await shortCounterKey(deal.customerId, deal.dealId, 900);
  await visitAll(page, [key.path, "/key/not-a-real-token"]);
  expect(missing).toEqual([]);
  expect((await page.request.get("/favicon.ico")).status()).toBe(200);

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await shoot(page, "not-found");
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { name: /Privacy/ })).toBeVisible();
  await shoot(page, "privacy");
});

test("every buyer page, with the side-by-side table, fits a phone; the nav shows where you are", async ({ page }) => {
  await signIn(page, demo.ava);
  await visitAll(page, ["/customer", "/customer/requests/new", "/customer/notifications", "/customer/profile", "/customer/data", "/customer/data/log", "/customer/garage"]);
  // An adverse-action notice, as a lender's decline leaves it (the rows record-decision writes).
  const declined = await quotedRequestSharingCredit(unique("4Runner"), { waitingOn: "lender2@demo.keyturn" });
  const notice = await noticeFor(declined.preApprovalId!);
  await visitAll(page, [`/customer/notices/${notice}`]);
  await expect(page.getByRole("main")).toContainText("Debt-to-income ratio too high");
  await page.goto("/customer/requests/new");
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "New request" })).toHaveAttribute("aria-current", "page");

  const ctx = await page.context().browser()!.newContext();
  const ben = await ctx.newPage();
  const { requestId } = await dallasRequestWithQuote(unique("Civic"));
  await signIn(ben, demo.ben);
  const href = `/customer/requests/${requestId}`;
  await visitAll(ben, [href, `${href}?view=table`, `${href}/edit`]);
  await ben.goto(`${href}?view=table&sort=distance`);
  await ben.reload();
  await expect(ben.getByLabel("Sort by")).toHaveValue("distance");
  await shoot(ben, "inbox-table");
  await ctx.close();
});

test("raw validation text never reaches the request form, and focus lands on the first field in error", async ({ page }) => {
  await signIn(page, demo.ava);
  await page.goto("/customer/requests/new");
  await page.getByLabel("Oldest year").fill("abc");
  await page.getByRole("button", { name: "Post my request" }).click();
  await expect(page.getByText("Enter a whole number.").or(page.getByText("Enter a number.")).first()).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/expected \w+, received|Too big|Invalid input/);
  await expect(page.locator("[aria-invalid=true]").first()).toBeFocused();
});

test("a dealer's lead with a 1,900-character word, notifications and every dealer page fit a phone", async ({ page }) => {
  await dallasRequestWithQuote(unique("Accord"));
  await signIn(page, demo.dealerDallas);
  await visitAll(page, ["/dealer", "/dealer/inventory", "/dealer/inventory/import", "/dealer/coverage", "/dealer/notifications", "/dealer/team", "/dealer/api-keys", "/dealer/analytics", "/dealer/settings", "/dealer/settings/quote-defaults", "/dealer/crm", "/dealer/auto-quote", "/dealer/feedback"]);
  await page.goto("/dealer");
  const row = page.getByTestId("lead-row").first();
  await expect(row).toBeVisible();
  await row.click();
  await page.waitForURL(/\/dealer\/leads\//);
  await page.getByRole("textbox", { name: /^Message to/ }).fill(LONG_WORD);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText(LONG_WORD.slice(0, 40), { exact: false }).first()).toBeVisible();
  await expectNoSidewaysScroll(page, "lead page");
  await shoot(page, "dealer-lead-long-word");
});

test("every lender console and admin page fits a phone", async ({ browser }) => {
  for (const [email, paths] of [
    [demo.lender1, ["/lender", "/lender/policy", "/lender/api-keys", "/lender/webhooks", "/lender/team"]],
    [demo.admin, ["/admin", "/admin/mail", "/admin/market", "/admin/disputes", "/admin/ratings"]],
  ] as const) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, email);
    await visitAll(page, [...paths]);
    if (email === demo.lender1) {
      // One request's own page, reached as an underwriter does, from the console's list.
      await quotedRequestSharingCredit(unique("Sequoia"), { waitingOn: demo.lender1 });
      const first = page.locator('a[href^="/lender/pre-approvals/"]').first();
      await page.goto("/lender");
      await expect(first).toBeVisible({ timeout: 20_000 });
      await visitAll(page, [(await first.getAttribute("href"))!]);
    }
    await ctx.close();
  }
});

test("a new request starts fresh; the last request's terms are an explicit choice", async ({ page }) => {
  // Ben has a last request (the seed gives buyers none).
  await dallasRequestWithQuote(unique("Civic"));
  await signIn(page, demo.ben);
  await page.goto("/customer/requests/new");
  await expect(page.getByLabel("Body type")).toHaveValue("");
  await expect(page.getByLabel("Model (optional)")).toHaveValue("");
  await page.getByRole("link", { name: "Start from my last request" }).click();
  await expect(page.getByLabel("Body type")).not.toHaveValue("");
  await expect(page.getByRole("link", { name: "Start fresh" })).toBeVisible();
});

test("the home page sends no JavaScript, and a signed-in visitor is offered their dashboard", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(scripts).toEqual([]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCSS("font-family", /GeistSans/);
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, demo.dealerDallas);
  await page.goto("/");
  await page.getByRole("link", { name: "Go to your dashboard" }).click();
  await expect(page).toHaveURL(/\/dealer$/);
});
