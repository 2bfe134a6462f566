import { expect, test, type Page } from "@playwright/test";
import { expectFitsPhone, expectNoSeriousA11yIssues, shoot } from "./fixtures/look";
import { demo, signIn, unique } from "./fixtures/auth";
import { ratingsWorld } from "./fixtures/ratings";

/** Full-page shots at laptop and phone size, after checking the page is no wider than the phone. */
async function shootAndFit(page: Page, name: string) {
  await expectFitsPhone(page);
  await shoot(page, `ratings-${name}`);
}

test("a rating with reasons reorders a later inbox, which says why; the dealer answers once; the admin hides the text, the stars still count", async ({ browser }) => {
  const model = unique("Civic");
  const w = await ratingsWorld(model);

  const buyerCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ben);
  await buyer.goto(`/customer/requests/${w.openRequestId}`);
  const cards = buyer.getByTestId("quote-card");
  const why = buyer.getByTestId("why-first");
  await expect(cards).toHaveCount(2);
  // Equal price and equal records: the nearer dealer is first.
  await expect(cards.first()).toContainText(w.near.name);
  await expect(why).toContainText(`${w.near.name} ties ${w.far.name} on total cost at $30,800 and is closer.`);
  await expect(cards.filter({ hasText: w.far.name }).getByTestId("quote-ratings")).toContainText("4.0 ★ from 3 buyer ratings · 67% say price as quoted");

  // Ben rates the farther dealer for his earlier, delivered deal: 4 stars (the average stays 4.0), price and
  // fees as quoted, a comment, signed with his first name.
  await buyer.goto(`/customer/requests/${w.pastRequestId}`);
  const form = buyer.getByRole("form", { name: `Rate ${w.far.name}` });
  await form.locator("label", { hasText: "4 stars" }).click();
  await form.getByLabel("Price as quoted").check();
  await form.getByLabel("Fees as quoted").check();
  await form.getByLabel(/^Show my first name/).check();
  await expect(form).toContainText("Otherwise it shows as “A verified buyer”, to the dealer and to other buyers.");
  await expectNoSeriousA11yIssues(buyer);
  await form.getByLabel(/^Comment/).fill("Out the door price matched the quote to the dollar.");
  await form.getByRole("button", { name: "Submit rating" }).click();
  const mine = buyer.getByTestId("your-rating").first();
  await expect(mine).toContainText(`You rated ${w.far.name}`);
  await expect(mine).toContainText("You said: Price as quoted, Fees as quoted.");
  await expect(mine).toContainText("Shown as “Ben”.");

  // The later inbox: same prices, but now 3 of 4 of the farther dealer's buyers said the price was as quoted.
  await buyer.goto(`/customer/requests/${w.openRequestId}`);
  await expect(cards.first()).toContainText(w.far.name);
  await expect(why).toContainText(`${w.far.name} ties ${w.near.name} on total cost at $30,800 and more of its buyers say the price was as quoted (75% of 4 ratings against 67% of 3 ratings).`);
  const farCard = cards.first();
  await expect(farCard.getByTestId("quote-ratings")).toContainText("4.0 ★ from 4 buyer ratings · 75% say price as quoted");
  await farCard.getByText(/^What buyers said/).click();
  await expect(farCard).toContainText("Ben: “Out the door price matched the quote to the dollar.”");
  await expectNoSeriousA11yIssues(buyer);
  await shootAndFit(buyer, "inbox-quotes");

  // The dealer sees the signed rating, the reason shares and what would raise its rank, and answers once.
  const dealerCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const dealer = await dealerCtx.newPage();
  await signIn(dealer, "dealer22@demo.keyturn");
  await dealer.getByRole("link", { name: "Feedback" }).first().click();
  await expect(dealer.getByRole("heading", { name: "Buyer feedback" })).toBeVisible();
  const item = dealer.getByTestId("feedback-item").first();
  await expect(item).toContainText("Ben");
  await expect(item).toContainText("Ticked: Price as quoted, Fees as quoted");
  await expect(dealer.getByTestId("reason-shares")).toContainText("Price as quoted75% (3 of 4)");
  await expect(dealer.getByTestId("rank-advice")).toContainText("Your latest rating did not say there was no pressure.");
  await item.getByRole("button", { name: "Post answer" }).click();
  await expect(item.getByText("Write your answer first.")).toBeVisible();
  await item.getByLabel(/^Your public answer/).fill("Thank you, Ben. Enjoy the Civic.");
  await item.getByRole("button", { name: "Post answer" }).click();
  await expect(item).toContainText("Your answer: Thank you, Ben. Enjoy the Civic.");
  await expect(item.getByRole("button", { name: "Post answer" })).toHaveCount(0);
  await expectNoSeriousA11yIssues(dealer);
  await shootAndFit(dealer, "dealer-feedback");

  // The buyer sees the answer under the comment on the quote.
  await buyer.reload();
  await cards.first().getByText(/^What buyers said/).click();
  await expect(cards.first()).toContainText(`${w.far.name} answered: Thank you, Ben. Enjoy the Civic.`);

  // The admin hides the comment; a reason is required; the dealer sees it; buyers no longer see the text.
  const adminCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const admin = await adminCtx.newPage();
  await signIn(admin, demo.admin);
  await admin.getByRole("link", { name: "Ratings" }).first().click();
  const row = admin.getByRole("listitem").filter({ hasText: "Out the door price matched the quote to the dollar." });
  await row.getByRole("button", { name: "Hide comment" }).click();
  await expect(row.getByText("Say why the comment is hidden, in a few words.")).toBeVisible();
  await row.getByLabel(/^Reason for hiding/).fill("Test of moderation");
  await row.getByRole("button", { name: "Hide comment" }).click();
  await expect(row).toContainText("Hidden: Test of moderation");
  await expectNoSeriousA11yIssues(admin);
  await shootAndFit(admin, "admin-moderation");

  await dealer.reload();
  await expect(dealer.getByTestId("hidden-note").first()).toContainText("Keyturn's moderators hid this comment and your answer: Test of moderation. Buyers no longer see the text; the stars and reasons still count.");
  await buyer.reload();
  await expect(cards.first()).toContainText(w.far.name);
  await expect(cards.first().getByTestId("quote-ratings")).toContainText("4.0 ★ from 4 buyer ratings");
  await expect(cards.first()).not.toContainText("Out the door price matched");
  await Promise.all([buyerCtx.close(), dealerCtx.close(), adminCtx.close()]);
});
