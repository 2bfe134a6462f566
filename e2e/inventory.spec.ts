import { expect, test } from "@playwright/test";
import { expectFitsPhone, shoot } from "./fixtures/look";
import { signIn } from "./fixtures/auth";
import { withCheckDigit } from "../src/modules/vehicles/vin";
import { db } from "../src/server/db";

// A Phoenix demo dealer no other spec signs in as, so its stock is this spec's alone.
const DEALER = "dealer33@demo.keyturn";

test("a dealer previews a CSV with two bad rows, imports the good ones, edits a price and marks one sold", async ({ page }) => {
  // Serials unique to this run; position 7 is a letter and position 10 "R", so each VIN is a 2024 model.
  const run = Date.now().toString(36).slice(-5).toUpperCase().replace(/[IOQ]/g, "X");
  const vin = (i: number) => withCheckDigit(`1HGCV1F30RA${i}${run}`.padEnd(17, "0").slice(0, 17));
  const stock = (i: number) => `T${run}-${i}`;
  const row = (i: number, year = "2024", price = "31995") => [stock(i), vin(i), year, "Honda", "Accord", "EX", "Sedan", "12", price, "New"].join(",");
  const csv = ["Stock Number,VIN,Year,Make,Model,Trim,Body Style,Mileage,Internet_Price,Condition", row(1), row(2, "2019"), row(3), row(4, "2024", "0"), row(5)].join("\n");

  await signIn(page, DEALER);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Inventory" }).click();
  await expect(page.getByRole("heading", { name: "Inventory" })).toBeVisible();
  await page.getByRole("link", { name: "Import a CSV" }).click();

  await page.getByLabel("CSV file").setInputFiles({ name: "stock.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("heading", { name: "Preview" }).locator("..");
  await expect(preview).toContainText("5 rows read");
  await expect(preview.getByText("To add").locator("..")).toContainText("3");
  await expect(preview.getByText("Bad rows").locator("..")).toContainText("2");
  const bad = preview.getByRole("table");
  await expect(bad.getByRole("row").nth(1)).toContainText("3");
  await expect(bad.getByRole("row").nth(1)).toContainText("Year 2019 disagrees with the VIN");
  await expect(bad.getByRole("row").nth(2)).toContainText("5");
  await expect(bad.getByRole("row").nth(2)).toContainText("price above $0");
  await shoot(page, "import-preview");
  await expectFitsPhone(page);

  await page.getByRole("button", { name: "Import 3 good rows" }).click();
  await expect(page.getByText(/Imported: 3 added/)).toBeVisible();
  await page.getByRole("link", { name: "View inventory" }).click();

  await page.getByLabel("Search").fill(`T${run}`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(4); // the header and the three imported units
  for (const i of [1, 3, 5]) await expect(page.getByRole("row").filter({ hasText: stock(i) })).toBeVisible();

  const first = page.getByRole("row").filter({ hasText: stock(1) });
  await first.getByRole("button", { name: /Edit price/ }).click();
  await first.getByRole("textbox", { name: /New price/ }).fill("28,750.50");
  await first.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("row").filter({ hasText: stock(1) })).toContainText("$28,750.50");

  const third = page.getByRole("row").filter({ hasText: stock(3) });
  await third.getByRole("button", { name: /Mark sold/ }).click();
  await expect(page.getByRole("row").filter({ hasText: stock(3) })).toContainText("Sold");
  await expect(page.getByRole("row").filter({ hasText: stock(3) }).getByRole("button", { name: /available/ })).toBeVisible();

  await page.getByLabel("Status").selectOption("SOLD");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await page.getByLabel("Status").selectOption("");
  await shoot(page, "inventory-search");
  await expectFitsPhone(page);

  // The whole lot, as a phone shows it: cards, not a table.
  await page.getByLabel("Search").fill("");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("table")).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 800 });
  await shoot(page, "inventory");
  await expectFitsPhone(page);
});

test("a dealer with no stock is told how to import it, and the link goes there", async ({ page }) => {
  // Another dealer no other spec uses; its seeded stock is removed so the page opens empty.
  const email = "dealer34@demo.keyturn";
  const { membership } = await db.user.findUniqueOrThrow({ where: { email }, select: { membership: { select: { dealerId: true } } } });
  await db.inventoryUnit.deleteMany({ where: { dealerId: membership!.dealerId! } });
  await signIn(page, email);
  await page.goto("/dealer/inventory");
  await expect(page.getByText("No vehicles in stock yet")).toBeVisible();
  await expect(page.getByText(/as a CSV and import it/)).toBeVisible();
  await shoot(page, "inventory-empty");
  await expectFitsPhone(page);
  await page.getByRole("link", { name: "Import your inventory" }).click();
  await expect(page.getByRole("heading", { name: "Import inventory" })).toBeVisible();
});

test("a dealer maps a feed's unusual headers in the mapping step, previews, imports, and finds the units", async ({ page }) => {
  const run = Date.now().toString(36).slice(-5).toUpperCase().replace(/[IOQ]/g, "X");
  const vin = (i: number) => withCheckDigit(`1HGCV1F30RA${i}${run}`.padEnd(17, "0").slice(0, 17));
  // "Vehicle Identification" and "Asking" are no alias of VIN or price: the dealer has to say which is which.
  const csv = ["Stock,Vehicle Identification,Year,Make,Model,Asking,Condition", `M${run}-1,${vin(1)},2024,Honda,Accord,"$29,995",New`, `M${run}-2,${vin(2)},2024,Honda,Accord,30500,New`].join("\n");

  await signIn(page, "dealer35@demo.keyturn");
  await page.goto("/dealer/inventory/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "feed.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview" }).click();
  const match = page.getByRole("group", { name: "Match your columns" });
  await expect(match).toBeVisible();
  await expect(page.getByText("These columns are missing: vin, price")).toBeVisible();
  await match.getByLabel("VIN").selectOption("Vehicle Identification");
  await match.getByLabel("Price").selectOption("Asking");
  await shoot(page, "import-mapping");
  await expectFitsPhone(page);

  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("heading", { name: "Preview" }).locator("..");
  await expect(preview).toContainText("2 rows read");
  await expect(preview.getByText("To add").locator("..")).toContainText("2");
  await expect(preview.getByText("Bad rows").locator("..")).toContainText("0");
  await page.getByRole("button", { name: "Import 2 good rows" }).click();
  await expect(page.getByText(/Imported: 2 added/)).toBeVisible();

  await page.getByRole("link", { name: "View inventory" }).click();
  await page.getByLabel("Search").fill(`M${run}`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("row").filter({ hasText: `M${run}-1` })).toContainText("$29,995");
  await expect(page.getByRole("row").filter({ hasText: `M${run}-2` })).toContainText("$30,500");
});

test("a dealer owner creates an inventory API key, sees it once, and revokes it", async ({ page }) => {
  await signIn(page, "dealer36@demo.keyturn");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: /^API keys/ }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await page.getByLabel("Name").fill("DMS feed");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = page.getByTestId("new-key-secret");
  await expect(secret).toHaveText(/^kt_live_/);
  const list = page.getByTestId("api-key-list");
  await expect(list).toContainText("DMS feed");
  await expect(list).not.toContainText((await secret.textContent())!);
  await shoot(page, "dealer-api-keys");
  await expectFitsPhone(page);
  page.once("dialog", (d) => void d.accept());
  await list.getByRole("button", { name: "Revoke DMS feed" }).click();
  await expect(list).toContainText("Revoked");
});
