import { expect, test, type Page } from "@playwright/test";
import { PORTS } from "../../playwright.config";
import { expectNoSeriousA11yIssues, shoot } from "../fixtures/look";
import { demo, signIn, unique } from "../fixtures/auth";
import { dallasRequestWithQuote, dealerNameOf, makeSecondPhoenixDealerMatch, reviseQuoteBehindTheBuyersBack, SECOND_DEALER } from "./fixture";

const A = `http://localhost:${PORTS.a}`;
const B = `http://localhost:${PORTS.b}`;



async function quote(dealer: Page, base: string, model: string, price: string, vin: string, condition: "NEW" | "USED" | "CERTIFIED" = "NEW") {
  await dealer.goto(`${base}/dealer`);
  const row = dealer.getByTestId("lead-row").filter({ hasText: model });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  await dealer.getByLabel("Year").fill("2025");
  await dealer.getByLabel("Make").fill("Toyota");
  await dealer.getByLabel("Model", { exact: true }).fill("RAV4");
  await dealer.getByLabel("Trim").fill("XLE");
  await dealer.getByLabel("VIN").fill(vin);
  await dealer.getByLabel("Condition").selectOption(condition);
  await dealer.getByLabel("Mileage").fill(condition === "NEW" ? "12" : "18000");
  await dealer.getByLabel("Vehicle price").fill(price);
  await dealer.getByLabel("Dealer fees").fill("899");
  await dealer.getByLabel("Estimated tax").fill("2400");
  // The form's own button: suggested stock units on the lead page have a "Send quote" each.
  await dealer.getByRole("form", { name: "Quote" }).getByRole("button", { name: "Send quote" }).click();
  await expect(dealer.getByTestId("live-otd")).toBeVisible();
}

test("two dealers quote, lenders decide, the buyer compares live, talks masked, accepts one: only the winner gets the contact", async ({ browser }) => {
  test.setTimeout(180_000);
  await makeSecondPhoenixDealerMatch();
  const [name1, name2] = [await dealerNameOf(demo.dealerPhoenix), await dealerNameOf(SECOND_DEALER)];
  const model = unique("Rav");

  // Ava posts through instance A, sharing her credit profile so the auto-policy lenders can decide.
  const buyerCtx = await browser.newContext({ baseURL: A });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ava, undefined, A);
  await buyer.goto(`${A}/customer/requests/new`);
  await buyer.getByLabel("Body type").selectOption("SUV");
  await buyer.getByLabel("New or used").selectOption("ANY");
  await buyer.getByLabel("Max out-the-door price ($)").fill("45,000");
  await buyer.getByLabel("Down payment ($)").fill("3000");
  await buyer.locator("label", { hasText: /^Toyota$/ }).click();
  await buyer.getByLabel("Model (optional)").fill(model);
  await buyer.getByLabel("ZIP code").fill("85004");
  await buyer.getByLabel("Search radius").selectOption("25");
  await buyer.getByLabel("Share my credit profile with lenders for pre-approvals").check();
  await buyer.getByRole("button", { name: "Post my request" }).click();
  await expect(buyer).toHaveURL(/\/customer\/requests\/[^/]+$/);
  const inbox = buyer.getByTestId("quote-inbox");
  await expect(inbox.getByText("No quotes yet")).toBeVisible();
  await expect(inbox.getByTestId("live-status")).toHaveText("Live");

  // Dealer 1 on instance B, dealer 2 on instance A; the buyer's page stays open, never reloaded.
  const d1Ctx = await browser.newContext({ baseURL: B });
  const d1 = await d1Ctx.newPage();
  await signIn(d1, demo.dealerPhoenix, undefined, B);
  await quote(d1, B, model, "34500", "1HGCM82633A004352");
  const d2Ctx = await browser.newContext({ baseURL: A });
  const d2 = await d2Ctx.newPage();
  await signIn(d2, SECOND_DEALER, undefined, A);
  // Dealer 2 offers a used car: lenders price it at their used-car rate, dealer 1's new car at the new-car rate.
  await quote(d2, A, model, "33900", "JTMRWRFV8LD000001", "USED");

  const cards = inbox.getByTestId("quote-card");
  await expect(cards).toHaveCount(2, { timeout: 30_000 });
  // Auto-policy lenders decide in the background; APR and monthly payment appear on both cards live.
  for (const name of [name1, name2]) {
    const card = cards.filter({ hasText: name });
    await expect(card.getByTestId("apr")).toHaveText(/\d+\.\d\d% APR/, { timeout: 45_000 });
    await expect(card.getByTestId("monthly")).toHaveText(/\$[\d,]+\.\d\d\/mo/);
  }
  const aprOf = async (name: string) => parseFloat((await cards.filter({ hasText: name }).getByTestId("apr").textContent())!);
  expect(await aprOf(name1)).toBeLessThan(await aprOf(name2));
  await expect(inbox.getByTestId("why-first")).toContainText("lowest total cost");
  await expectNoSeriousA11yIssues(buyer);
  await shoot(buyer, "inbox-inbox-cards");
  await inbox.getByRole("button", { name: "Side by side" }).click();
  await expect(inbox.getByTestId("quote-row")).toHaveCount(2);
  await inbox.getByLabel("Sort by").selectOption("distance");
  await expect(inbox.getByTestId("why-first")).toContainText(`${name1} is the closest open quote`);
  await expectNoSeriousA11yIssues(buyer);
  await shoot(buyer, "inbox-inbox-table");
  await inbox.getByRole("button", { name: "Cards" }).click();

  // Messaging: the dealer sees the buyer's alias, never her name.
  await inbox.getByRole("button", { name: `Message ${name2}` }).click();
  const thread = buyer.getByTestId("customer-thread");
  const alias = (await thread.getByTestId("alias").textContent())!;
  expect(alias).toMatch(/^Buyer /);
  await thread.getByLabel(`Message to ${name2}`).fill("Could I test drive it on Saturday morning?");
  await thread.getByRole("button", { name: "Send" }).click();
  await expect(thread.getByTestId("message")).toContainText(["Could I test drive it on Saturday morning?"]);
  const d2Thread = d2.getByTestId("dealer-thread");
  await expect(d2Thread.getByTestId("message")).toContainText([alias], { timeout: 15_000 });
  await expect(d2Thread).toContainText("Could I test drive it on Saturday morning?");
  await expect(d2.locator("body")).not.toContainText(/Ava|Martinez|602-555-0142/);
  await d2Thread.getByLabel(`Message to ${alias}`).fill("Saturday works. See you at 10.");
  await d2Thread.getByRole("button", { name: "Send" }).click();
  await expect(thread.getByTestId("message")).toHaveCount(2, { timeout: 15_000 });
  await expectNoSeriousA11yIssues(buyer);
  await shoot(buyer, "inbox-inbox-thread");
  // On the dealer's board, a new buyer message badges its lead live (badges are asked for the leads on screen).
  const d2Lead = new URL(d2.url());
  await d2.goto(`${d2Lead.origin}/dealer`);
  await expect(d2.getByTestId("lead-row").first()).toBeVisible();
  await thread.getByLabel(`Message to ${name2}`).fill("Is the price negotiable?");
  await thread.getByRole("button", { name: "Send" }).click();
  await expect(d2.locator(`a[href="${d2Lead.pathname}"]`).getByTestId("unread-badge")).toHaveText("1 new message", { timeout: 15_000 });
  await d2.goto(d2Lead.toString());
  await expect(d2.getByTestId("dealer-thread")).toContainText("Is the price negotiable?");

  // Accept dealer 1 with its best pre-approval.
  await inbox.getByRole("button", { name: `Accept ${name1}'s quote` }).click();
  const dialog = buyer.getByRole("dialog");
  await expect(dialog).toContainText("I share my name, email and phone");
  await expect(dialog.getByRole("radio").first()).toBeChecked();
  await expectNoSeriousA11yIssues(buyer);
  await dialog.getByRole("button", { name: "Accept and share my contact" }).click();
  await expect(buyer.getByTestId("deal-panel")).toContainText(`You accepted ${name1}'s quote`);
  await expect(cards.filter({ hasText: name1 })).toContainText("Accepted");
  // Where to go and what to bring (issue 13 #17): the chosen dealer's own address and phone.
  await expect(buyer.getByTestId("deal-dealer")).toContainText(/Phone: 555-\d{3}-\d{4}/);
  await expect(buyer.getByTestId("deal-panel")).toContainText("Bring your driver's license");

  // The winner sees the contact without a reload; the other dealer sees only that it closed.
  const contact = d1.getByTestId("buyer-contact");
  await expect(contact).toContainText("Ava Martinez", { timeout: 15_000 });
  await expect(contact).toContainText("602-555-0142");
  await expectNoSeriousA11yIssues(d1);
  await shoot(d1, "inbox-dealer-won");
  await expect(d2.getByTestId("thread-closed")).toBeVisible({ timeout: 15_000 });
  await d2.reload();
  await expect(d2.getByText("This request has closed.").first()).toBeVisible();
  await expect(d2.locator("body")).not.toContainText(/Ava|Martinez|602-555-0142|ava@demo/);
  await shoot(d2, "inbox-dealer-closed");
  await d2.goto(`${A}/dealer/notifications`);
  await expect(d2.getByTestId("notifications")).toContainText(`${alias}'s request has closed`);
  await expect(d2.getByTestId("notifications")).not.toContainText(/Ava|\$3\d,\d{3}/);
  await expectNoSeriousA11yIssues(d2);
  // The buyer's thread with the losing dealer is read-only now.
  await expect(thread).toContainText("This conversation is closed.");

  // Rating waits for the delivery (e2e/ratings.spec.ts rates and sees the inbox change).
  const deal = buyer.getByTestId("deal-panel");
  await expect(deal).toContainText(`You can rate ${name1}`);
  await expect(deal.getByRole("button", { name: "Submit rating" })).toHaveCount(0);
  await shoot(buyer, "inbox-inbox-accepted");

  // The notification bell and page, and the admin's mail sink.
  await buyer.goto(`${A}/customer/notifications`);
  await expect(buyer.getByTestId("notifications")).toContainText("New message from");
  await expectNoSeriousA11yIssues(buyer);
  await shoot(buyer, "inbox-notifications");
  const adminCtx = await browser.newContext({ baseURL: A });
  const admin = await adminCtx.newPage();
  await signIn(admin, demo.admin, undefined, A);
  await admin.goto(`${A}/admin/mail`);
  await expect(admin.getByTestId("mail-sink")).toContainText("ava@demo.keyturn", { timeout: 20_000 });
  await Promise.all([buyerCtx.close(), d1Ctx.close(), d2Ctx.close(), adminCtx.close()]);
});

test("an accept that races the dealer's revision is refused with a clear message, and the new price can then be accepted", async ({ page }) => {
  const model = unique("Civic");
  const { requestId, quoteId } = await dallasRequestWithQuote(model);
  await signIn(page, demo.ben);
  await page.goto(`/customer/requests/${requestId}`);
  const card = page.getByTestId("quote-card");
  await expect(card.getByTestId("otd")).toHaveText("$30,800");
  await card.getByRole("button", { name: /^Accept / }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("radio", { name: "Pay cash or arrange my own financing" })).toBeChecked();

  await reviseQuoteBehindTheBuyersBack(quoteId);
  await dialog.getByRole("button", { name: "Accept and share my contact" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("The quote changed — please review it.");
  await expect(dialog.getByRole("button", { name: "Accept and share my contact" })).toBeDisabled();
  await shoot(page, "inbox-accept-conflict");
  await dialog.getByRole("button", { name: "Review the quote" }).click();
  await expect(card.getByTestId("otd")).toHaveText("$31,300");
  await expect(page.getByTestId("deal-panel")).toHaveCount(0);

  await card.getByRole("button", { name: /^Accept / }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Accept and share my contact" }).click();
  await expect(page.getByTestId("deal-panel")).toContainText("$31,300 out the door");
});
