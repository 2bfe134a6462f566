import { expect, test } from "@playwright/test";
import { db } from "../src/server/db";
import { expectNoSeriousA11yIssues, shoot } from "./fixtures/look";
import { demo, signIn, unique } from "./fixtures/auth";
import { dallasRequestWithQuote } from "./inbox/fixture";

test("the buyer lets the dealer keep in touch about service, once a month; a second message is refused; revoking stops the dealer", async ({ browser }) => {
  const model = unique("Civic");
  const { requestId, quoteId } = await dallasRequestWithQuote(model);
  const { leadId } = await db.quote.findUniqueOrThrow({ where: { id: quoteId }, select: { leadId: true } });

  const buyerCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ben);
  await buyer.goto(`/customer/requests/${requestId}`);
  await buyer.getByTestId("quote-card").getByRole("button", { name: /^Accept / }).click();
  await buyer.getByRole("dialog").getByRole("button", { name: "Accept and share my contact" }).click();
  await expect(buyer.getByTestId("deal-panel")).toBeVisible();
  // The delivery, recorded as record-delivery does (delivery.spec.ts walks the dealer's form): from here on
  // a message the dealer starts needs the grant.
  await db.deal.update({ where: { requestId }, data: { outcome: "CONFIRMED", outcomeRecordedAt: new Date(), deliveredOn: new Date(), priceHonoured: true, finalOtdCents: 3_080_000 } });

  // Ben allows service messages only, at most 1 a calendar month.
  const kit = buyer.getByTestId("keep-in-touch");
  await kit.getByLabel("Recalls").uncheck();
  await expect(kit.getByLabel("Service")).toBeChecked();
  await expect(kit.getByLabel("At most")).toHaveValue("1");
  await expect(kit.getByLabel("Per calendar")).toHaveValue("MONTH");
  await expect(kit.getByTestId("kit-text")).toContainText("about service reminders only, at most 1 message per calendar month");
  await kit.scrollIntoViewIfNeeded();
  await expectNoSeriousA11yIssues(buyer);
  await shoot(buyer, "grant-form");
  await buyer.setViewportSize({ width: 1366, height: 900 });
  await kit.getByRole("button", { name: /^I agree/ }).click();
  await expect(kit.getByTestId("kit-active")).toContainText("at most 1 message a calendar month");

  // The dealer sends one service message under it.
  const dealerCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const dealer = await dealerCtx.newPage();
  await signIn(dealer, demo.dealerDallas);
  await dealer.goto(`/dealer/leads/${leadId}`);
  const panel = dealer.getByTestId("kit-dealer");
  await expect(panel).toContainText("lets you keep in touch about service: 1 message a calendar month (UTC), 0 sent this month");
  const thread = dealer.getByTestId("dealer-thread");
  await panel.getByLabel("Topic").selectOption("SERVICE");
  await thread.getByLabel(/^Message to /).fill("Your first service is due: book any weekday morning.");
  await thread.getByRole("button", { name: "Send" }).click();
  await expect(thread).toContainText("Your first service is due");
  await expect(panel).toContainText("1 sent this month");

  // A second in the same month is refused, with the reason beside the topic.
  await thread.getByLabel(/^Message to /).fill("And a tyre offer while you are here.");
  await thread.getByRole("button", { name: "Send" }).click();
  await expect(panel.getByText(/You have sent 1 of the 1 message .* allows per calendar month/)).toBeVisible();
  await expectNoSeriousA11yIssues(dealer);

  // Ben sees the grant, and its one use, on My data; he revokes it.
  await buyer.goto("/customer/data");
  const entry = buyer.getByTestId("kit-grant");
  await expect(entry).toContainText("Service");
  await expect(entry).toContainText("1 a calendar month");
  await expect(entry).toContainText("Messages sent");
  await entry.scrollIntoViewIfNeeded();
  await expectNoSeriousA11yIssues(buyer);
  await shoot(buyer, "my-data-entry");
  await buyer.setViewportSize({ width: 1366, height: 900 });
  await entry.getByRole("button", { name: /^Revoke/ }).click();
  await expect(entry).toContainText("You stopped this");

  // The dealer's page, never reloaded, shows it at once, and the next message is refused.
  await expect(panel).toContainText("has not given you a keep-in-touch grant");
  await panel.getByLabel("Topic").selectOption("SERVICE");
  await thread.getByLabel(/^Message to /).fill("Are you still there?");
  await thread.getByRole("button", { name: "Send" }).click();
  await expect(panel.getByText(/revoked their keep-in-touch grant/)).toBeVisible();
  await expect(thread).not.toContainText("Are you still there?");

  // Who saw my data lists the use as a use of the grant.
  await buyer.goto("/customer/data/log");
  await expect(buyer.getByText(/sent you a service reminder in your message thread, under the keep-in-touch grant you gave/)).toBeVisible();
  await Promise.all([buyerCtx.close(), dealerCtx.close()]);
});
