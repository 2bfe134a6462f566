import { expect, test } from "@playwright/test";
import { PORTS } from "../playwright.config";
import { expectNoSeriousA11yIssues, shoot } from "./fixtures/look";
import { demo, signIn, unique } from "./fixtures/auth";
import { adfElements, expectValidAdf } from "../test/adf-validate";

const A = `http://localhost:${PORTS.a}`;

test("a dealer sets a CRM address, a buyer posts a request, and the CRM mailbox receives a valid ADF with no personal data", async ({ browser }) => {
  const model = unique("Crm");
  const address = `${unique("crm")}@dealer-crm.example`;

  const dealerCtx = await browser.newContext({ baseURL: A });
  const dealer = await dealerCtx.newPage();
  await signIn(dealer, demo.dealerPhoenix, undefined, A);
  await dealer.goto("/dealer/crm");
  await expect(dealer.getByRole("heading", { name: "CRM delivery" })).toBeVisible();

  // Bad input is refused next to its field and nothing is saved.
  await dealer.getByLabel("Add an address").fill("not-an-address");
  await dealer.getByRole("button", { name: "Add address" }).click();
  await expect(dealer.getByText("Enter an email address like leads@yourstore.com.")).toBeVisible();
  await dealer.getByLabel("Endpoint URL").fill("http://10.0.0.7/adf");
  await dealer.getByRole("button", { name: "Save endpoint" }).click();
  await expect(dealer.getByText(/private or reserved address/)).toBeVisible();

  await dealer.getByLabel("Add an address").fill(address);
  await dealer.getByRole("button", { name: "Add address" }).click();
  await expect(dealer.getByTestId("crm-addresses")).toContainText(address);
  await dealer.getByLabel("Endpoint URL").fill("");
  await expectNoSeriousA11yIssues(dealer);
  await shoot(dealer, "crm-settings");

  const buyerCtx = await browser.newContext({ baseURL: A });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ava, undefined, A);
  await buyer.goto("/customer/requests/new");
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
  await expect(buyer.getByTestId("reach")).toHaveText(/Reached \d+ dealers?/);

  // The dealer's CRM mailbox is the app's mail sink (MAIL_TRANSPORT=log): the admin mail page shows it.
  const adminCtx = await browser.newContext({ baseURL: A });
  const admin = await adminCtx.newPage();
  await signIn(admin, demo.admin, undefined, A);
  await admin.goto("/admin/mail");
  const item = admin.getByTestId("mail-sink").locator("li", { hasText: address });
  await expect(item).toHaveCount(1, { timeout: 60_000 });
  const xml = (await item.locator("pre").textContent()) ?? "";
  expectValidAdf(xml);
  expect(adfElements(xml, "model").map((m) => m.text)).toContain(model);
  expect(adfElements(xml, "prospect")[0]!.attrs.status).toBe("new");
  expect(xml).not.toContain(demo.ava);
  expect(adfElements(xml, "email")[0]!.text).toMatch(/^lead-[0-9a-f]{32}@relay\.keyturn\.localhost$/);

  // The delivery log shows it sent, with the document a click away.
  await dealer.goto("/dealer/crm");
  const log = dealer.getByTestId("crm-delivery-log");
  const row = log.locator("li", { hasText: address }).first();
  await expect(row).toContainText("Sent", { timeout: 30_000 });
  await row.getByRole("button", { name: "XML" }).click();
  await expect(row.locator("pre")).toContainText(model);
  await expectNoSeriousA11yIssues(dealer);
  await shoot(dealer, "crm-delivery-log");

  // Leave the demo dealer as it was, so other journeys send no CRM mail.
  await dealer.setViewportSize({ width: 1366, height: 900 });
  await dealer.getByRole("button", { name: `Remove ${address}` }).click();
  await expect(dealer.getByTestId("crm-addresses")).toHaveCount(0);
  await Promise.all([dealerCtx.close(), buyerCtx.close(), adminCtx.close()]);
});
