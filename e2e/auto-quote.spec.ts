import { expect, test } from "@playwright/test";
import { PORTS } from "../playwright.config";
import { expectFitsPhone, shoot } from "./fixtures/look";
import { demo, signIn, unique } from "./fixtures/auth";
import { withCheckDigit } from "../src/modules/vehicles/vin";
import { db } from "../src/server/db";

const A = `http://localhost:${PORTS.a}`;
const B = `http://localhost:${PORTS.b}`;
// A Phoenix demo dealer no other spec signs in as: this spec turns its automatic rule on, and off again.
const DEALER = "dealer19@demo.keyturn";

test("a dealer's automatic rule answers a new request with no click, and marking the car sold flags it in the buyer's inbox, live", async ({ browser }) => {
  const model = unique("Rav");
  const run = Date.now().toString(36).slice(-6).toUpperCase().replace(/[IOQ]/g, "X");
  const stockNumber = `AQ-${run}`;
  // The dealer sits at the centre of Phoenix and sells new Toyota SUVs, so the buyer's request reaches it;
  // its one unit of the buyer's model ranks first among its stock (the named model leads the ranking).
  const { membership } = await db.user.findUniqueOrThrow({ where: { email: DEALER }, select: { membership: { select: { dealerId: true } } } });
  const dealerId = membership!.dealerId!;
  const centre = await db.dealer.findFirstOrThrow({ where: { members: { some: { user: { email: demo.dealerPhoenix } } } }, select: { lat: true, lng: true, zip: true, city: true, state: true } });
  const dealer = await db.dealer.update({
    where: { id: dealerId },
    data: { ...centre, verified: true, serviceRadiusMiles: 60, makes: ["Toyota"], bodyTypes: ["SUV", "SEDAN"], sellsNew: true, sellsUsed: true, minPriceCents: 500_000, maxPriceCents: 10_000_000, dailyLeadCap: 100, autoQuoteEnabled: false },
    select: { name: true },
  });
  await db.inventoryUnit.create({
    data: { dealerId, vin: withCheckDigit(`JTMB1RFV0S${run}X`.padEnd(17, "0").slice(0, 17)), stockNumber, condition: "NEW", year: 2025, make: "Toyota", model: `RAV4 ${model}`, trim: "XLE", bodyType: "SUV", mileage: 9, priceCents: 3_200_000, features: [] },
  });

  const dealerCtx = await browser.newContext({ baseURL: B });
  const buyerCtx = await browser.newContext({ baseURL: A });
  try {
    // The dealer turns the rule on, on instance B.
    const shop = await dealerCtx.newPage();
    await signIn(shop, DEALER, undefined, B);
    await shop.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Settings" }).click();
    await shop.getByRole("link", { name: /^Automatic quotes/ }).click();
    await expect(shop.getByRole("heading", { name: "Automatic quotes" })).toBeVisible();
    await shop.getByLabel("Send automatic quotes").check();
    await shop.getByLabel("Discount off list price (%)").fill("2.5");
    await shop.getByLabel("Automatic quotes per day").fill("10");
    await shop.getByRole("button", { name: "Save" }).click();
    await expect(shop.getByText("Saved. It applies to leads that arrive from now on.")).toBeVisible();
    await expect(shop.getByTestId("sent-today")).toHaveText("0 of 10");
    await expectFitsPhone(shop);

    // The buyer posts through instance A and waits on the request page: no dealer clicks anything.
    const buyer = await buyerCtx.newPage();
    await signIn(buyer, demo.ava, undefined, A);
    await buyer.goto(`${A}/customer/requests/new`);
    await buyer.getByLabel("Body type").selectOption("SUV");
    await buyer.getByLabel("New or used").selectOption("NEW");
    await buyer.getByLabel("Max monthly payment ($)").fill("");
    await buyer.getByLabel("Loan term").selectOption("");
    await buyer.getByLabel("Max out-the-door price ($)").fill("42,000");
    await buyer.getByLabel("Down payment ($)").fill("3000");
    const toyota = buyer.locator("label", { hasText: /^Toyota$/ });
    if (!(await toyota.locator("input").isChecked())) await toyota.click();
    await buyer.getByLabel("Model (optional)").fill(model);
    await buyer.getByLabel("ZIP code").fill("85004");
    await buyer.getByLabel("Search radius").selectOption("25");
    await buyer.getByRole("button", { name: "Post my request" }).click();
    await expect(buyer).toHaveURL(/\/customer\/requests\/[^/]+$/);

    const card = buyer.getByTestId("quote-card").filter({ hasText: dealer.name });
    await expect(card).toBeVisible({ timeout: 30_000 });
    await expect(card).toContainText("Sent automatically");
    await expect(card).toContainText(`2025 Toyota RAV4 ${model} XLE`);
    await expect(card.getByRole("button", { name: /^Accept/ })).toBeEnabled();

    // The dealer sees it too: today's count, and the badge on the lead.
    await shop.reload();
    await expect(shop.getByTestId("sent-today")).toHaveText("1 of 10");
    await shoot(shop, "auto-quote-page");
    await shop.goto(`${B}/dealer`);
    const row = shop.getByTestId("lead-row").filter({ hasText: model });
    await expect(row).toContainText("Sent automatically");
    await row.click();
    await expect(shop).toHaveURL(/\/dealer\/leads\/[^/]+$/);
    await expect(shop.getByTestId("live-otd")).toBeVisible();
    await expect(shop.getByText("Sent automatically")).toBeVisible();
    const leadUrl = shop.url();

    // The car sells on the lot: the dealer marks it sold, and the buyer's open inbox says so, live.
    await shop.goto(`${B}/dealer/inventory`);
    await shop.getByLabel("Search").fill(stockNumber);
    const unitRow = shop.getByRole("row").filter({ hasText: stockNumber });
    await unitRow.getByRole("button", { name: /Mark sold/ }).click();
    await expect(shop.getByRole("row").filter({ hasText: stockNumber })).toContainText("Sold");

    await expect(card.getByTestId("unit-changed")).toHaveText("This car may no longer be available — the dealer has been asked to re-confirm.", { timeout: 20_000 });
    await expect(card.getByRole("button", { name: /^Accept/ })).toBeDisabled();
    await shoot(buyer, "inbox-flagged");
    await expectFitsPhone(buyer);

    // The dealer's lead asks for a re-confirmation with another car, or a withdrawal.
    await shop.goto(leadUrl);
    await expect(shop.getByTestId("unit-change-notice")).toContainText("The car was sold: re-confirm with another car or withdraw.");
    await shoot(shop, "lead-flagged");
    await expectFitsPhone(shop);
  } finally {
    // Other specs' Phoenix requests reach this dealer too: they must not be answered automatically.
    await db.dealer.update({ where: { id: dealerId }, data: { autoQuoteEnabled: false } });
    await Promise.all([dealerCtx.close(), buyerCtx.close()]);
  }
});
