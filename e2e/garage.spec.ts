import { expect, test } from "@playwright/test";
import { expectFitsPhone, expectNoSeriousA11yIssues, shoot } from "./fixtures/look";
import { demo, signIn } from "./fixtures/auth";

test("the buyer adds a car to the garage by hand, and the next request pre-fills its trade-in from it", async ({ page }) => {
  await signIn(page, demo.cara);
  await page.getByRole("link", { name: "My garage" }).first().click();
  await expect(page.getByRole("heading", { name: "My garage" })).toBeVisible();
  await expect(page.getByText("Your garage is empty")).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "garage-empty");

  // Bad input: a mistyped check digit, then a year the VIN disagrees with; each message sits by its field.
  await page.getByLabel("VIN").fill("1HGCM82603A004352");
  await page.getByLabel("Year").fill("2003");
  await page.getByLabel("Model", { exact: true }).fill("Accord");
  await page.getByRole("button", { name: "Add to my garage" }).click();
  await expect(page.getByText("This VIN's check digit does not match; please check it for typos.")).toBeVisible();
  await page.getByLabel("VIN").fill("1HGCM82633A004352");
  await page.getByLabel("Year").fill("2010");
  await page.getByRole("button", { name: "Add to my garage" }).click();
  await expect(page.getByText("This VIN is for a 2003 model year (its 10th character is 3), not 2010.")).toBeVisible();
  await expect(page.getByText("Your garage is empty")).toBeVisible();

  // The make is left empty: it comes from the VIN.
  await page.getByLabel("Year").fill("2003");
  await page.getByLabel("Mileage (optional)").fill("118000");
  await page.getByRole("button", { name: "Add to my garage" }).click();
  const cars = page.getByRole("list", { name: "Your cars" });
  await expect(cars.getByRole("heading", { name: "2003 Honda Accord" })).toBeVisible();
  await expect(cars.getByText("118,000 miles")).toBeVisible();

  // Edit the mileage.
  await cars.getByRole("button", { name: "Edit mileage" }).click();
  await cars.getByRole("textbox", { name: "Mileage", exact: true }).fill("120500");
  await cars.getByRole("button", { name: "Save mileage" }).click();
  await expect(cars.getByText("120,500 miles")).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "garage-one-car");

  // The next request: choosing the garage car fills the trade-in, and the buyer can still edit it.
  await page.goto("/customer/requests/new");
  await page.getByLabel("Trade in a car from my garage").selectOption({ label: "2003 Honda Accord · 120,500 mi" });
  await expect(page.locator('input[name="tradeInYear"]')).toHaveValue("2003");
  await expect(page.locator('input[name="tradeInMake"]')).toHaveValue("Honda");
  await expect(page.locator('input[name="tradeInModel"]')).toHaveValue("Accord");
  await expect(page.locator('input[name="tradeInMileage"]')).toHaveValue("120500");
  await page.locator('input[name="tradeInMileage"]').fill("121000");
  await expect(page.locator('input[name="tradeInMileage"]')).toHaveValue("121000");
  await expectNoSeriousA11yIssues(page);

  // Posted with the returning-buyer opt-in: Cara has no delivered deal, so her request says dealers see nothing.
  await page.getByLabel("Body type").selectOption("SEDAN");
  await page.getByLabel("Max out-the-door price ($)").fill("30,000");
  await page.getByLabel("ZIP code").fill("30303");
  await page.getByLabel(/Tell dealers I've bought through Keyturn before/).check();
  await page.getByRole("button", { name: "Post my request" }).click();
  await expect(page).toHaveURL(/\/customer\/requests\/[^/]+$/);
  await expect(page.getByText("2003 Honda Accord, 121,000 mi")).toBeVisible();
  await expect(page.getByText("Dealers see nothing: you had no car delivered through Keyturn when you posted")).toBeVisible();

  // My data lists the opt-in with the words agreed to, and the buyer can take it back there.
  await page.goto("/customer/data");
  const share = page.getByTestId("returning-buyer-share").filter({ hasText: "Dealers see nothing" }).first();
  await expect(share).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await expectFitsPhone(page);
  await shoot(page, "garage-my-data-returning-buyer");
  const before = await page.getByTestId("returning-buyer-share").count();
  await share.getByRole("button", { name: "Stop telling dealers" }).click();
  await expect(page.getByTestId("returning-buyer-share")).toHaveCount(before - 1);

  // Remove, with a confirmation step; the empty state returns.
  await page.goto("/customer/garage");
  await cars.getByRole("button", { name: "Remove…" }).click();
  await cars.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText("Your garage is empty")).toBeVisible();
});
