// Issue 13 #6: a revocation is pushed live. The buyer stops sharing their contact details on one app instance;
// the accepted dealer's lead page, open on the other instance, drops them and says why, without a reload.
import { expect, test } from "@playwright/test";
import { PORTS } from "../../playwright.config";
import { expectNoSeriousA11yIssues, shoot } from "../fixtures/look";
import { demo, signIn, unique } from "../fixtures/auth";
import { acceptedWithContactScenario } from "./setup";

const A = `http://localhost:${PORTS.a}`;
const B = `http://localhost:${PORTS.b}`;
const DEALER = "dealer17@demo.keyturn"; // a Phoenix dealer no other journey signs in as

test("the buyer stops sharing with the dealer they accepted; the dealer's open lead page loses the details at once", async ({ browser }) => {
  const model = unique("Sequoia");
  const s = await acceptedWithContactScenario(demo.ava, DEALER, model);

  const dealerCtx = await browser.newContext({ baseURL: B });
  const dealer = await dealerCtx.newPage();
  await signIn(dealer, DEALER, undefined, B);
  // The lead page's live stream is open before the buyer acts (its response has started), so the push can
  // only be missed by a broken push, not by a page that was still loading.
  const live = dealer.waitForResponse((r) => r.url().includes("dealer.live") && r.status() === 200);
  await dealer.goto(`${B}/dealer/leads/${s.leadId}`);
  await live;
  const contact = dealer.getByTestId("buyer-contact");
  await expect(contact).toContainText("Ava Martinez");
  await expect(contact).toContainText("602-555-0142");
  let reloaded = false;
  dealer.on("framenavigated", (f) => {
    if (f === dealer.mainFrame()) reloaded = true;
  });

  const buyerCtx = await browser.newContext({ baseURL: A });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ava, undefined, A);
  await buyer.goto(`${A}/customer/data`);
  const card = buyer.getByTestId("active-grants").getByRole("listitem").filter({ hasText: model });
  await expect(card.getByRole("heading", { name: s.dealerName })).toBeVisible();
  await card.getByRole("button", { name: `Stop sharing with ${s.dealerName}` }).click();
  await card.getByRole("button", { name: "Yes, stop sharing" }).click();
  await expect(buyer.getByTestId("ended-grants").getByRole("listitem").filter({ hasText: model }).getByText("You stopped this")).toBeVisible();

  // The dealer's page, untouched since it loaded: the details are gone and the dealer is told why.
  await expect(dealer.getByTestId("buyer-contact-revoked")).toHaveText("The buyer stopped sharing their contact details with you. They are no longer shown here.");
  await expect(contact).toHaveCount(0);
  await expect(dealer.getByText("602-555-0142")).toHaveCount(0);
  expect(reloaded).toBe(false);
  await expectNoSeriousA11yIssues(dealer);
  await shoot(dealer, "dealer-lead-contact-revoked");
  await shoot(buyer, "my-data-after-revoke");

  // And a reload does not bring them back: the grant itself is gone, not just the page's copy.
  await dealer.reload();
  await expect(dealer.getByTestId("live-otd")).toBeVisible(); // the lead page has loaded, with the accepted quote
  await expect(dealer.getByText("602-555-0142")).toHaveCount(0);
  await expect(dealer.getByTestId("buyer-contact")).toHaveCount(0);
  // The page still says why, now with the day it happened.
  await expect(dealer.getByTestId("buyer-contact-revoked")).toContainText("The buyer stopped sharing their contact details with you.");
  await expect(dealer.getByTestId("buyer-contact-revoked")).toContainText(/Since \w{3} \d{1,2}, \d{4}\./);
  await dealerCtx.close();
  await buyerCtx.close();
});
