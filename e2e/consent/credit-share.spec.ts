import { expect, test } from "@playwright/test";
import { db } from "../../src/server/db";
import { creditShareText } from "../../src/modules/consent/texts";
import { expectNoSeriousA11yIssues, shoot } from "../fixtures/look";
import { unique } from "../fixtures/auth";

test("a new buyer shares credit: the band is asked for first, only the lenders picked get the grant, and the words stored are the words shown", async ({ page }) => {
  const email = `${unique("share")}@e2e.test`;
  await page.goto("/signup");
  await page.locator("label", { hasText: "Buyer" }).click();
  await page.getByLabel("Your name").fill("E2E Sharer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("good-password-7");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/customer$/);
  await page.goto("/customer/profile");
  await page.getByLabel("First name").fill("Sam");
  await page.getByLabel("Last name").fill("Sharer");
  await page.getByLabel("Yearly income before tax ($)").fill("90000");
  await page.getByRole("button", { name: "Save my details" }).click();
  await expect(page.getByText("Saved. Your next request will use these details.")).toBeVisible();

  const model = unique("Rav");
  await page.goto("/customer/requests/new");
  await page.getByLabel("Body type").selectOption("SUV");
  await page.getByLabel("Max out-the-door price ($)").fill("40000");
  await page.locator("label", { hasText: /^Toyota$/ }).click();
  await page.getByLabel("Model (optional)").fill(model);
  await page.getByLabel("ZIP code").fill("85004");
  await page.getByLabel("Share my credit profile with lenders for pre-approvals").check();
  // No band on file: it is asked for here, before anything is shared.
  await expect(page.getByLabel("Your credit score band")).toBeVisible();
  await expect(page.getByTestId("credit-share-text")).toContainText("with every lender on Keyturn,");

  await page.getByRole("radio", { name: "Only the lenders I pick" }).check();
  const lenders = await db.lender.findMany({ where: { verified: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const chosen = lenders[0]!;
  await page.getByRole("checkbox", { name: chosen.name, exact: true }).check();
  await expect(page.getByTestId("credit-share-text")).toHaveText(creditShareText([chosen.name]));
  await page.getByRole("button", { name: "Post my request" }).click();
  await expect(page.getByText("Choose your credit band, or untick sharing.")).toBeVisible();
  await expect(page.getByLabel("Your credit score band")).toBeFocused();
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "consent-credit-share-form");

  await page.getByLabel("Your credit score band").selectOption("PRIME");
  await page.getByRole("button", { name: "Post my request" }).click();
  // Not "/customer/requests/new", which the same pattern would match.
  await expect(page).toHaveURL(/\/customer\/requests\/(?!new$)[^/]+$/);
  const requestId = page.url().split("/").pop()!;

  const grant = await db.consentGrant.findFirstOrThrow({ where: { requestId }, select: { granteeType: true, lenderIds: true, consent: { select: { textShown: true } } } });
  expect(grant).toEqual({ granteeType: "LENDERS", lenderIds: [chosen.id], consent: { textShown: creditShareText([chosen.name]) } });
  const profile = await db.customerProfile.findFirstOrThrow({ where: { user: { email } }, select: { creditTier: true, creditSource: true } });
  expect(profile).toEqual({ creditTier: "PRIME", creditSource: "SELF_REPORTED" });
});
