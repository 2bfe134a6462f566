import { expect, test, type Page } from "@playwright/test";
import { PORTS } from "../../playwright.config";
import { expectNoSeriousA11yIssues, shoot } from "../fixtures/look";
import { demo, signIn, unique } from "../fixtures/auth";

const A = `http://localhost:${PORTS.a}`;
const B = `http://localhost:${PORTS.b}`;



test("a posted request reaches a dealer live on another app instance, who quotes; the buyer sees the quote; a far dealer never sees it", async ({ browser }) => {
  const model = unique("Rav");
  // The Phoenix dealer watches its dashboard on instance B; the buyer posts through instance A.
  const dealerCtx = await browser.newContext({ baseURL: B });
  const dealer = await dealerCtx.newPage();
  await signIn(dealer, demo.dealerPhoenix, undefined, B);
  await dealer.goto(`${B}/dealer`);
  await expect(dealer.getByRole("heading", { name: "Leads" })).toBeVisible();
  await expectNoSeriousA11yIssues(dealer);

  const buyerCtx = await browser.newContext({ baseURL: A });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ava, undefined, A);
  await buyer.goto(`${A}/customer/requests/new`);
  await expect(buyer.getByRole("heading", { name: "What are you looking for?" })).toBeVisible();
  await expectNoSeriousA11yIssues(buyer);

  // Client-side checks first: mistakes appear next to their fields and nothing is posted.
  await buyer.getByLabel("Body type").selectOption("SUV");
  await buyer.getByLabel("Max monthly payment ($)").fill("600");
  // The form prefills from the buyer's last request (other specs post some): clear the term explicitly.
  await buyer.getByLabel("Loan term").selectOption("");
  await buyer.getByLabel("Max out-the-door price ($)").fill("");
  await buyer.getByLabel("ZIP code").fill("85004");
  await buyer.getByRole("button", { name: "Post my request" }).click();
  await expect(buyer.getByText("A monthly target needs a loan term.")).toBeVisible();
  await shoot(buyer, "marketplace-request-form-errors");

  await buyer.getByLabel("Max monthly payment ($)").fill("");
  await buyer.getByLabel("New or used").selectOption("NEW");
  await buyer.getByLabel("Max out-the-door price ($)").fill("42,000");
  await buyer.getByLabel("Down payment ($)").fill("3000");
  await buyer.locator("label", { hasText: /^Toyota$/ }).click();
  await buyer.getByLabel("Model (optional)").fill(model);
  await buyer.getByLabel("Search radius").selectOption("25");
  await buyer.getByRole("button", { name: "Post my request" }).click();
  await expect(buyer).toHaveURL(/\/customer\/requests\/[^/]+$/);
  await expect(buyer.getByTestId("reach")).toHaveText(/Reached \d+ dealers?/);
  const requestUrl = buyer.url();

  // No reload on the dealer side: the lead arrives over SSE from the other instance.
  const row = dealer.getByTestId("lead-row").filter({ hasText: model });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText("New");
  await shoot(dealer, "marketplace-dealer-dashboard");
  await row.click();
  await expect(dealer).toHaveURL(/\/dealer\/leads\/[^/]+$/);
  const leadPath = new URL(dealer.url()).pathname;
  await expect(dealer.getByTestId("match-reasons")).toContainText("Within");
  await expect(dealer.getByTestId("lead-facts")).toContainText("Phoenix");
  await expect(dealer.getByTestId("lead-facts")).not.toContainText("Ava");
  await shoot(dealer, "marketplace-lead-detail");

  await dealer.getByLabel("Year").fill("2025");
  await dealer.getByLabel("Make").fill("Toyota");
  await dealer.getByLabel("Model", { exact: true }).fill("RAV4");
  await dealer.getByLabel("Trim").fill("XLE");
  await dealer.getByLabel("VIN").fill("1HGCM82633A004352");
  // The buyer asked for a new car: only "New" answers it, and lenders will price it as new.
  await expect(dealer.getByLabel("Condition").locator("option:not([disabled])")).toHaveText(["New"]);
  await dealer.getByLabel("Condition").selectOption("NEW");
  await dealer.getByLabel("Mileage").fill("12");
  await dealer.getByLabel("Vehicle price").fill("34500");
  await dealer.getByLabel("Dealer fees").fill("899");
  await dealer.getByLabel("Incentives / rebates").fill("1000");
  await dealer.getByLabel("Estimated tax").fill("2400");
  await expect(dealer.getByTestId("otd-preview")).toHaveText("$36,799");
  // The form's own button: suggested stock units on the lead page have a "Send quote" each.
  await dealer.getByRole("form", { name: "Quote" }).getByRole("button", { name: "Send quote" }).click();
  await expect(dealer.getByTestId("live-otd")).toHaveText("$36,799");

  // The buyer's open page shows the quote without a reload.
  // (Matched on text: the quotes component on this page belongs to the inbox and may change shape.)
  await expect(buyer.getByText("$36,799").first()).toBeVisible({ timeout: 20_000 });
  await expect(buyer.getByText(/2025 Toyota RAV4 XLE/).first()).toBeVisible();
  await shoot(buyer, "marketplace-request-page");
  expect(buyer.url()).toBe(requestUrl);

  // A Dallas dealer is ~900 miles away: the request never reaches it.
  const farCtx = await browser.newContext({ baseURL: A });
  const far = await farCtx.newPage();
  await signIn(far, demo.dealerDallas, undefined, A);
  await far.goto(`${A}/dealer`);
  await expect(far.getByRole("heading", { name: "Leads" })).toBeVisible();
  // Wait for the list itself (or its empty state), not the loading skeleton, before asserting absence.
  await expect(far.getByTestId("lead-list").or(far.getByText("No leads yet"))).toBeVisible();
  await expect(far.getByText(model)).toHaveCount(0);

  // The buyer's list shows the request with its reach.
  await buyer.goto(`${A}/customer`);
  await expect(buyer.getByTestId("request-list")).toContainText(model);
  await shoot(buyer, "marketplace-customer-list");

  // The dealer's people were also told in the app (and by email), with a link to the lead.
  await dealer.goto(`${B}/dealer/notifications`);
  const told = dealer.getByTestId("notifications").locator(`a[href="${leadPath}"]`);
  await expect(told).toHaveText(/^New lead: an? (new |used )?SUV near Phoenix, AZ$/, { timeout: 20_000 });
  await shoot(dealer, "marketplace-dealer-notifications");

  await dealer.goto(`${B}/dealer/coverage`);
  await expect(dealer.getByLabel("Service radius (miles)")).toHaveValue("60");
  await shoot(dealer, "marketplace-coverage");
  await Promise.all([dealerCtx.close(), buyerCtx.close(), farCtx.close()]);
});

test("a buyer edits a request, then cancels it; the list shows it cancelled", async ({ page }) => {
  const model = unique("Civic");
  await signIn(page, demo.ben);
  await page.goto("/customer/requests/new");
  await page.getByLabel("Body type").selectOption("SEDAN");
  await page.getByLabel("Model (optional)").fill(model);
  await page.getByLabel("Max out-the-door price ($)").fill("30000");
  await page.getByLabel("Down payment ($)").fill("40000");
  await page.getByLabel("ZIP code").fill("75201");
  await page.getByRole("button", { name: "Post my request" }).click();
  await expect(page.getByText("The down payment cannot be more than the maximum price.")).toBeVisible();
  await page.getByLabel("Down payment ($)").fill("2000");
  await page.getByLabel("ZIP code").fill("00000");
  await page.getByRole("button", { name: "Post my request" }).click();
  // Only the server knows which ZIPs exist: its answer lands next to the field too.
  await expect(page.getByText("We could not find that ZIP code.").first()).toBeVisible();
  await page.getByLabel("ZIP code").fill("75201");
  await page.getByRole("button", { name: "Post my request" }).click();
  await expect(page.getByTestId("reach")).toHaveText(/Reached \d+ dealers?/);

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Max out-the-door price ($)")).toHaveValue("30000");
  await page.getByLabel("Max out-the-door price ($)").fill("32500");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("up to $32,500").first()).toBeVisible();

  await page.getByRole("button", { name: "Cancel request" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByText("Cancelled").first()).toBeVisible();
  await page.goto("/customer");
  await expect(page.getByTestId("request-list").locator("li", { hasText: model })).toContainText("Cancelled");
});
