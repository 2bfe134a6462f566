import { expect, test } from "@playwright/test";
import { shoot } from "../fixtures/look";
import { demo, signIn } from "../fixtures/auth";

// Issue 13 #16: the form says live how many dealers a request would reach, and a request that reached
// none says so after posting instead of promising quotes.
test("the new-request form counts dealers live, and a request that reached none offers to widen the radius", async ({ page }) => {
  await signIn(page, demo.ben);
  await page.goto("/customer/requests/new");
  const reach = page.getByTestId("reach-preview");
  await expect(reach).toContainText("Choose a body type");

  await page.getByLabel("Body type").selectOption("SUV");
  await page.getByLabel("ZIP code").fill("75201");
  await page.getByLabel("Search radius").selectOption("50");
  await expect(reach).toContainText(/This would reach \d+ dealers? within 50 miles of Dallas, TX/);
  await page.getByLabel("Max out-the-door price ($)").fill("40000");
  await expect(reach).toContainText(/This would reach \d+ dealers? within 50 miles of Dallas, TX\.$/);
  await shoot(page, "reach-preview-some");

  await page.getByLabel("ZIP code").fill("99701");
  await expect(reach).toHaveText("No dealer sells that within 50 miles of Fairbanks, AK — widen the radius.");
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, "reach-preview-none-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Post my request" }).click();
  await expect(page).toHaveURL(/\/customer\/requests\/[^/]+$/);
  await expect(page.getByText("Your request reached no dealer")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("No quotes yet")).toHaveCount(0);
  await shoot(page, "request-reached-none");
  await page.getByRole("link", { name: "Widen the radius" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(page.getByLabel("Search radius")).toBeVisible();
});
