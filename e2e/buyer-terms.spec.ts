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

test("a buyer's 'no add-ons' and other terms show on the request and the lead, and the quote form refuses an add-on beside that line", async ({ browser }) => {
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
  await buyerCtx.close();
  await dealerCtx.close();
});
