import { expect, test, type Page } from "@playwright/test";
import { PORTS } from "../../playwright.config";
import { expectFitsPhone, expectNoSeriousA11yIssues, shoot } from "../fixtures/look";
import { demo, signIn, unique } from "../fixtures/auth";
import { db } from "../../src/server/db";

const A = `http://localhost:${PORTS.a}`;

/** Ava posts a used-SUV request near Phoenix (the Phoenix centre dealer's seeded lot has used SUVs under $50k). */
async function postUsedSuvRequest(buyer: Page, model: string) {
  await buyer.goto(`${A}/customer/requests/new`);
  await buyer.getByLabel("Body type").selectOption("SUV");
  await buyer.getByLabel("New or used").selectOption("USED");
  await buyer.getByLabel("Max out-the-door price ($)").fill("50,000");
  await buyer.getByLabel("Max monthly payment ($)").fill("900");
  await buyer.getByLabel("Loan term").selectOption("60");
  await buyer.getByLabel("Down payment ($)").fill("2000");
  await buyer.getByLabel("Model (optional)").fill(model);
  await buyer.getByLabel("ZIP code").fill("85004");
  await buyer.getByLabel("Search radius").selectOption("25");
  await buyer.getByLabel("Share my credit profile with lenders for pre-approvals").check();
  await buyer.getByRole("button", { name: "Post my request" }).click();
  await expect(buyer).toHaveURL(/\/customer\/requests\/[^/]+$/);
}

async function openLead(dealer: Page, model: string) {
  // The fan-out is a background job: wait for this dealer's lead to exist, then open the board.
  await expect.poll(() => db.lead.count({ where: { request: { model }, dealer: { members: { some: { user: { email: demo.dealerPhoenix } } } } } }), { timeout: 30_000 }).toBe(1);
  await dealer.goto(`${A}/dealer`);
  const row = dealer.getByTestId("lead-row").filter({ hasText: model });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  await expect(dealer).toHaveURL(/\/dealer\/leads\/[^/]+$/);
}

test("a dealer sets quote defaults, sends a quote from a suggested unit in one click; the buyer sees it with its pre-approval", async ({ browser }) => {
  const model = unique("Suv");
  const dealerCtx = await browser.newContext({ baseURL: A, viewport: { width: 1366, height: 900 } });
  const dealer = await dealerCtx.newPage();
  await signIn(dealer, demo.dealerPhoenix, undefined, A);

  // Quote defaults: bad input is refused next to its field and saves nothing; then a good save.
  await dealer.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Settings" }).click();
  await dealer.getByRole("link", { name: /^Quote defaults/ }).click();
  await expect(dealer.getByRole("heading", { name: "Quote defaults" })).toBeVisible();
  await expect(dealer.getByText(/Leave empty to use 5\.6% — AZ state rate, Tax Foundation.*as of Jan 1, 2025; local and vehicle-specific taxes are not included/)).toBeVisible();
  await dealer.getByLabel("Doc fee ($)").fill("abc");
  await dealer.getByLabel("Quotes valid for (days)").fill("61");
  await dealer.getByRole("button", { name: "Save quote defaults" }).click();
  await expect(dealer.getByText("At most 60 days.")).toBeVisible();
  await expect(dealer.getByText("Enter an amount in dollars, like 40,000 or 40,000.50.")).toBeVisible();
  await dealer.getByLabel("Doc fee ($)").fill("499");
  await dealer.getByLabel("Quotes valid for (days)").fill("10");
  await dealer.getByRole("button", { name: "Save quote defaults" }).click();
  await expect(dealer.getByText(/^Saved\./)).toBeVisible();
  await expectFitsPhone(dealer);
  await shoot(dealer, "settings");

  const buyerCtx = await browser.newContext({ baseURL: A });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ava, undefined, A);
  await postUsedSuvRequest(buyer, model);

  // The lead page suggests the dealer's best three units, each with why it fits.
  await openLead(dealer, model);
  const suggestions = dealer.getByTestId("suggestion");
  await expect(suggestions).toHaveCount(3);
  const first = suggestions.first();
  await expect(first.getByTestId("suggestion-reasons")).toContainText("SUV, as asked");
  await expect(first.getByTestId("suggestion-reasons")).toContainText("within the $50,000 budget");
  await expect(first).toContainText(/about \$[\d,.]+\/mo/);
  await expectFitsPhone(dealer);
  await shoot(dealer, "lead-suggestions");

  // One click: the server prices it; the page shows the stored total, equal to the estimate.
  const estimate = (await first.getByTestId("suggestion-otd").textContent())!;
  const vin = (await first.textContent())!.match(/VIN ([A-HJ-NPR-Z0-9]{17})/)![1]!;
  await first.getByRole("button", { name: "Send quote" }).click();
  await expect(dealer.getByTestId("live-otd")).toHaveText(estimate);
  await expect(dealer.getByTestId("suggestion")).toHaveCount(0);
  const stored = await db.quote.findFirstOrThrow({
    where: { vin, request: { model } },
    select: { otdCents: true, vehiclePriceCents: true, feesCents: true, addOnsCents: true, taxCents: true, incentivesCents: true, inventoryUnit: { select: { vin: true, priceCents: true } } },
  });
  expect(stored.inventoryUnit).toEqual({ vin, priceCents: stored.vehiclePriceCents });
  expect(stored.feesCents).toBe(49_900);
  // Arizona's 5.6% on price and doc fee, half up to the cent.
  expect(stored.taxCents).toBe(Math.floor(((stored.vehiclePriceCents + 49_900) * 560 + 5_000) / 10_000));
  expect(stored.otdCents).toBe(stored.vehiclePriceCents + stored.feesCents + stored.addOnsCents + stored.taxCents - stored.incentivesCents);
  await shoot(dealer, "lead-quoted");

  // The buyer's open page shows the quote, then the lenders' automatic decision on it.
  // Only this dealer quoted this request: one card.
  const card = buyer.getByTestId("quote-inbox").getByTestId("quote-card");
  await expect(card).toHaveCount(1, { timeout: 30_000 });
  await expect(card).toContainText(estimate);
  await expect(card.getByTestId("apr")).toHaveText(/\d+\.\d\d% APR/, { timeout: 60_000 });
  await expect(card.getByTestId("monthly")).toHaveText(/\$[\d,]+\.\d\d\/mo/);
  await expectNoSeriousA11yIssues(buyer);
  await Promise.all([dealerCtx.close(), buyerCtx.close()]);
});

test("a dealer fills the form from a suggested unit, edits the price, and the quote stays linked to the unit", async ({ browser }) => {
  const model = unique("Suv");
  const buyerCtx = await browser.newContext({ baseURL: A });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ava, undefined, A);
  await postUsedSuvRequest(buyer, model);

  const dealerCtx = await browser.newContext({ baseURL: A, viewport: { width: 1366, height: 900 } });
  const dealer = await dealerCtx.newPage();
  await signIn(dealer, demo.dealerPhoenix, undefined, A);
  await openLead(dealer, model);
  const second = dealer.getByTestId("suggestion").nth(1);
  const vin = (await second.textContent())!.match(/VIN ([A-HJ-NPR-Z0-9]{17})/)![1]!;
  await second.getByRole("button", { name: "Fill the form" }).click();
  await expect(dealer.getByTestId("filled-notice")).toContainText(`VIN ${vin}`);
  await expect(dealer.getByLabel("VIN")).toHaveValue(vin);
  const price = Number((await dealer.getByLabel("Vehicle price").inputValue()).replace(/,/g, ""));
  // Edit the price: the tax line follows the rate; the server computes the total.
  await dealer.getByLabel("Vehicle price").fill(String(price - 500));
  const tax = Math.floor((((price - 500) * 100 + 49_900) * 560 + 5_000) / 10_000);
  await expect(dealer.getByLabel("Estimated tax")).toHaveValue(String(tax % 100 === 0 ? tax / 100 : (tax / 100).toFixed(2)));
  await dealer.getByRole("form", { name: "Quote" }).getByRole("button", { name: "Send quote" }).click();
  await expect(dealer.getByTestId("live-otd")).toBeVisible();
  const stored = await db.quote.findFirstOrThrow({ where: { vin, request: { model } }, select: { vehiclePriceCents: true, inventoryUnit: { select: { vin: true } } } });
  expect(stored).toEqual({ vehiclePriceCents: (price - 500) * 100, inventoryUnit: { vin } });
  await Promise.all([dealerCtx.close(), buyerCtx.close()]);
});

test("a lead no unit fits says so and links to the inventory; the blank form starts from the defaults", async ({ browser }) => {
  const model = unique("Conv");
  const buyerCtx = await browser.newContext({ baseURL: A });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ava, undefined, A);
  await buyer.goto(`${A}/customer/requests/new`);
  await buyer.getByLabel("Body type").selectOption("CONVERTIBLE");
  await buyer.getByLabel("New or used").selectOption("NEW");
  await buyer.getByLabel("Max monthly payment ($)").fill("");
  await buyer.getByLabel("Loan term").selectOption("");
  await buyer.getByLabel("Max out-the-door price ($)").fill("10,000");
  await buyer.getByLabel("Model (optional)").fill(model);
  await buyer.getByLabel("ZIP code").fill("85004");
  await buyer.getByLabel("Search radius").selectOption("25");
  await buyer.getByRole("button", { name: "Post my request" }).click();
  await expect(buyer).toHaveURL(/\/customer\/requests\/[^/]+$/);

  const dealerCtx = await browser.newContext({ baseURL: A, viewport: { width: 1366, height: 900 } });
  const dealer = await dealerCtx.newPage();
  await signIn(dealer, demo.dealerPhoenix, undefined, A);
  await openLead(dealer, model);
  const empty = dealer.getByTestId("no-suggestions");
  await expect(empty).toContainText("No unit in your stock fits this request.");
  await expect(empty.getByRole("link", { name: "See your inventory" })).toHaveAttribute("href", "/dealer/inventory");
  // This dealer has stock, so no import link.
  await expect(empty.getByRole("link", { name: "Import your stock" })).toHaveCount(0);
  // A $499 doc fee and the state rate (what the first test saves through the page, set here so this test stands alone).
  const m = await db.membership.findFirstOrThrow({ where: { user: { email: demo.dealerPhoenix } }, select: { dealerId: true } });
  await db.dealer.update({ where: { id: m.dealerId! }, data: { docFeeCents: 49_900, addOnsCents: 0, addOnsLabel: null, taxRateBps: null } });
  await dealer.reload();
  // Tax follows Arizona's 5.6% as the price is typed.
  await expect(dealer.getByLabel("Dealer fees")).toHaveValue("499");
  await dealer.getByLabel("Vehicle price").fill("9000");
  await expect(dealer.getByLabel("Estimated tax")).toHaveValue("531.94");
  await expect(dealer.getByTestId("otd-preview")).toHaveText("$10,030.94");
  await expectFitsPhone(dealer);
  await shoot(dealer, "lead-no-fit");
  await Promise.all([dealerCtx.close(), buyerCtx.close()]);
});
