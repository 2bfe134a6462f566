import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues, shoot } from "../fixtures/look";
import { demo, signIn, unique } from "../fixtures/auth";
import { dallasRequestWithQuote } from "../inbox/fixture";

test("accept, the dealer records delivery at a higher price, the buyer disputes it line by line, and the admin sees it", async ({ browser }) => {
  const model = unique("Accord");
  const { requestId } = await dallasRequestWithQuote(model);

  // Ben accepts the $30,800 quote (cash).
  const buyerCtx = await browser.newContext();
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ben);
  await buyer.goto(`/customer/requests/${requestId}`);
  await buyer.getByTestId("quote-card").getByRole("button", { name: /^Accept / }).click();
  await buyer.getByRole("dialog").getByRole("button", { name: "Accept and share my contact" }).click();
  await expect(buyer.getByTestId("deal-panel")).toContainText("$30,800 out the door");

  // The dealer opens the won lead and records the delivery with $995 of add-ons the quote did not have.
  const dealerCtx = await browser.newContext();
  const dealer = await dealerCtx.newPage();
  await signIn(dealer, demo.dealerDallas);
  await dealer.goto("/dealer?status=WON");
  await dealer.getByTestId("lead-row").filter({ hasText: model }).click();
  const form = dealer.getByRole("form", { name: "Record the delivery" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Vehicle price ($)")).toHaveValue("28000");
  await form.getByLabel("Add-ons ($)").fill("995");
  await form.getByLabel("How it was paid for").selectOption("CASH");
  await form.getByLabel("Gross profit ($, optional)").fill("1,800");
  await expect(dealer.getByTestId("delivery-otd-preview")).toHaveText("$31,795");
  await expectNoSeriousA11yIssues(dealer);
  await form.getByRole("button", { name: "Record delivery" }).click();
  await expect(dealer.getByTestId("delivery-outcome")).toContainText("the buyer has been asked to confirm it");

  // Ben's page, never reloaded, shows the changed line and the new total; he disputes.
  const delivery = buyer.getByTestId("buyer-delivery");
  await expect(delivery).toContainText("The dealer recorded your delivery at $31,795 out the door. You accepted $30,800.");
  await expect(delivery.getByTestId("delivery-changes")).toContainText("Add-ons");
  await expect(delivery.getByTestId("delivery-changes")).toContainText("+$995");
  await expect(delivery.getByTestId("delivery-changes")).not.toContainText("Vehicle price");
  await shoot(buyer, "deals-delivery-confirm");
  await delivery.getByRole("button", { name: "Dispute" }).click();
  await delivery.getByLabel("What is wrong with the final price?").fill("short");
  await delivery.getByRole("button", { name: "Send dispute" }).click();
  await expect(delivery.getByText("Say what is wrong, in a sentence or two.")).toBeVisible();
  await delivery.getByLabel("What is wrong with the final price?").fill("I never agreed to the $995 add-on package.");
  await delivery.getByRole("button", { name: "Send dispute" }).click();
  await expect(delivery).toContainText("You disputed the final price.");

  // The admin sees the dispute with the changed line and the buyer's words.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, demo.admin);
  await admin.goto("/admin/disputes");
  const item = admin.getByRole("listitem").filter({ hasText: "I never agreed to the $995 add-on package." });
  await expect(item).toContainText("Accepted $30,800, delivered at $31,795");
  await expect(item.getByTestId("delivery-changes")).toContainText("Add-ons");
  await expectNoSeriousA11yIssues(admin);
  await shoot(admin, "deals-admin-disputes");

  // The delivered car is in Ben's garage, and his next request can trade it in.
  await buyer.goto("/customer/garage");
  const bought = buyer.getByRole("list", { name: "Your cars" }).getByRole("listitem").filter({ hasText: "Bought through Keyturn" }).filter({ hasText: "Honda" });
  await expect(bought.first()).toBeVisible();
  await buyer.goto("/customer/requests/new");
  const picker = buyer.getByLabel("Trade in a car from my garage");
  const option = picker.locator("option", { hasText: "Honda" }).first();
  await picker.selectOption({ label: (await option.textContent())!.trim() });
  await expect(buyer.locator('input[name="tradeInMake"]')).toHaveValue("Honda");
  await Promise.all([buyerCtx.close(), dealerCtx.close(), adminCtx.close()]);
});
