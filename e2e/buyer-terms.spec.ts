import { expect, test } from "@playwright/test";
import { db } from "../src/server/db";
import { BodyType } from "../src/generated/prisma/enums";
import { lookupZip } from "../src/modules/geo/zip";
import { expectFitsPhone, expectNoSeriousA11yIssues, shoot } from "./fixtures/look";
import { demo, signIn, unique } from "./fixtures/auth";

/** The Atlanta demo dealer covers the centre of Atlanta for new sedans, whatever the seed gave it. */
async function atlantaDealerCoversTheCentre() {
  const place = lookupZip("30303")!;
  const m = await db.membership.findFirstOrThrow({ where: { user: { email: demo.dealerAtlanta } }, select: { dealerId: true } });
  await db.dealer.update({
    where: { id: m.dealerId! },
    data: {
      lat: place.lat + 0.02, lng: place.lng, serviceRadiusMiles: 40, makes: ["Toyota", "Honda"], bodyTypes: Object.values(BodyType),
      sellsNew: true, sellsUsed: true, minPriceCents: 500_000, maxPriceCents: 9_000_000, dailyLeadCap: 500, verified: true, docFeeFixed: false, autoQuoteEnabled: false,
    },
  });
}

test("a buyer's 'no add-ons' and other terms show on the request and the lead, the quote form refuses an add-on beside that line, and 'thread only' shares nothing on acceptance", async ({ browser }) => {
  await atlantaDealerCoversTheCentre();
  const model = unique("Camry");

  const buyerCtx = await browser.newContext();
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.cara);
  await buyer.goto("/customer/requests/new");
  await buyer.getByLabel("Body type").selectOption("SEDAN");
  await buyer.getByLabel("New or used").selectOption("NEW");
  await buyer.getByLabel("Model (optional)").fill(model);
  await buyer.getByLabel("Max out-the-door price ($)").fill("32,000");
  await buyer.getByLabel("ZIP code").fill("30303");
  await buyer.getByLabel(/^No add-ons/).check();
  await buyer.getByLabel(/^In-stock cars only/).check();
  await buyer.getByLabel("Dealer fees at most ($)").fill("500");
  // Bad input first: the message sits by the field, and nothing is posted.
  await buyer.getByLabel("Quote valid for at least (days)").fill("45");
  await buyer.getByRole("button", { name: "Post my request" }).click();
  await expect(buyer.getByLabel("Quote valid for at least (days)")).toHaveAccessibleDescription(/At most 30 days/);
  await expect(buyer).toHaveURL(/\/customer\/requests\/new/);
  await buyer.getByLabel("Quote valid for at least (days)").fill("10");
  await expectNoSeriousA11yIssues(buyer);
  await expectFitsPhone(buyer);
  await shoot(buyer, "terms-request-form");
  await buyer.getByRole("button", { name: "Post my request" }).click();
  await expect(buyer).toHaveURL(/\/customer\/requests\/[^/]+$/);
  const terms = buyer.getByTestId("request-terms");
  await expect(terms).toContainText("No add-ons");
  await expect(terms).toContainText("Dealer fees at most $500");
  await expect(terms).toContainText("Quote valid for at least 10 days");
  await expect(terms).toContainText("In-stock cars only");
  await expect(terms).not.toContainText("Keyturn thread");
  await expectFitsPhone(buyer);
  await shoot(buyer, "terms-on-request");

  // The dealer reads the terms on the lead before quoting.
  const dealerCtx = await browser.newContext();
  const dealer = await dealerCtx.newPage();
  await signIn(dealer, demo.dealerAtlanta);
  await dealer.goto("/dealer");
  const row = dealer.getByTestId("lead-row").filter({ hasText: model });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  const leadTerms = dealer.getByTestId("lead-terms");
  await expect(leadTerms).toContainText("No add-ons");
  await expect(leadTerms).toContainText("Dealer fees at most $500");
  await expect(dealer.getByLabel("Add-ons")).toHaveAccessibleDescription("The buyer asked for no add-ons.");

  const form = dealer.getByRole("form", { name: "Quote" });
  await form.getByLabel("Year").fill("2025");
  await form.getByLabel("Make").fill("Toyota");
  await form.getByLabel("Model", { exact: true }).fill("Camry");
  await form.getByLabel("VIN").fill("1HGCM82633A004352");
  await form.getByLabel("Condition").selectOption("NEW");
  await form.getByLabel("Mileage").fill("9");
  await form.getByLabel("Vehicle price").fill("27500");
  await form.getByLabel("Dealer fees").fill("499");
  await form.getByLabel("Add-ons").fill("895");
  await form.getByLabel("Estimated tax").fill("2000");
  await form.getByRole("button", { name: "Send quote" }).click();
  // Refused beside the add-ons line, and only there; nothing was sent.
  await expect(form.getByLabel("Add-ons")).toHaveAccessibleDescription("The buyer asked for no add-ons. Set add-ons to $0.");
  await expect(form.getByLabel("Add-ons")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Dealer fees")).not.toHaveAttribute("aria-invalid", "true");
  await expect(dealer.getByTestId("live-otd")).toHaveCount(0);
  await expectNoSeriousA11yIssues(dealer);
  await expectFitsPhone(dealer);
  await shoot(dealer, "terms-on-lead-refused");

  // Nothing reached the database (the server's own refusal is covered in buyer-terms.int.test.ts).
  const leadId = new URL(dealer.url()).pathname.split("/").at(-1)!;
  const stored = await db.quote.count({ where: { leadId } });
  expect(stored).toBe(0);

  await form.getByLabel("Add-ons").fill("0");
  await form.getByRole("button", { name: "Send quote" }).click();
  await expect(dealer.getByTestId("live-otd")).toHaveText("$29,999");
  expect(await db.quote.count({ where: { leadId, addOnsCents: 0 } })).toBe(1);

  // The buyer's inbox gets it live.
  await expect(buyer.getByTestId("quote-card")).toHaveCount(1, { timeout: 20_000 });

  // Cara adds "contact only through the thread": an edit like any other, so the dealer must re-confirm.
  await buyer.getByRole("link", { name: "Edit" }).click();
  await buyer.getByLabel(/^Contact me only through the Keyturn thread/).check();
  await buyer.getByRole("button", { name: "Save changes" }).click();
  await expect(buyer.getByTestId("request-terms")).toContainText("Contact only through the Keyturn thread, even after acceptance");
  await expect(dealer.getByText("The buyer changed their request. Re-confirm or revise your quote.")).toBeVisible({ timeout: 20_000 });
  await expect(dealer.getByTestId("lead-terms")).toContainText("Contact only through the Keyturn thread");
  await dealer.getByRole("button", { name: "Re-confirm as is" }).click();
  await expect(dealer.getByText("The buyer changed their request. Re-confirm or revise your quote.")).toHaveCount(0);

  // Accepting now shares nothing, and both sides are told so in plain words.
  await buyer.getByTestId("quote-card").getByRole("button", { name: /^Accept / }).click({ timeout: 20_000 });
  const dialog = buyer.getByRole("dialog");
  await expect(dialog.getByTestId("accept-consent")).toHaveText(/accepting shares nothing: the dealer does not get your name, email or phone/);
  await expectNoSeriousA11yIssues(buyer);
  await buyer.screenshot({ path: "test-results/screens/terms-accept-dialog-thread-only-laptop.png" });
  await buyer.setViewportSize({ width: 390, height: 844 });
  await buyer.screenshot({ path: "test-results/screens/terms-accept-dialog-thread-only-phone.png" });
  await buyer.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(buyer.getByTestId("deal-panel")).toContainText("did not get your name, email or phone");
  await expectFitsPhone(buyer);
  await shoot(buyer, "terms-deal-thread-only");
  await expect(dealer.getByTestId("buyer-contact-thread-only")).toBeVisible({ timeout: 20_000 });
  await expect(dealer.getByTestId("buyer-contact")).toHaveCount(0);
  expect(await db.consentGrant.count({ where: { requestId: buyer.url().split("/").at(-1)!, granteeType: "DEALER" } })).toBe(0);
  await shoot(dealer, "terms-thread-only-won");
  await buyerCtx.close();
  await dealerCtx.close();
});
