import { expect, test, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { expectNoSeriousA11yIssues } from "./fixtures/look";
import { demo, signIn } from "./fixtures/auth";
import { db } from "../src/server/db";

// A demo dealer (Dallas metro) no other spec signs in as, so the rows this spec adds are read by it alone.
const DEALER = "dealer39@demo.keyturn";
const SHOTS = "/tmp/shots-analytics";

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h, tag] of [[1366, 900, "laptop"], [390, 844, "phone"]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.evaluate(() => window.scrollTo(0, 0));
    // The charts redraw to the new width (ResizeObserver): wait until every one fits the viewport.
    await page.waitForFunction((width) => [...document.querySelectorAll(".uplot")].every((e) => e.getBoundingClientRect().width <= width), w);
    await page.screenshot({ path: `${SHOTS}/${name}-${tag}.png`, fullPage: true });
  }
}

test("the analytics page shows the charts, with figures that match the dealer's rows", async ({ page }) => {
  const dealerId = (await db.membership.findFirstOrThrow({ where: { user: { email: DEALER } }, select: { dealerId: true } })).dealerId!;
  const buyer = await db.user.findUniqueOrThrow({ where: { email: demo.ava }, select: { id: true } });
  const now = Date.now();
  // Three leads an hour old: one won and delivered with $2,000 gross profit, one quoted, one passed.
  const made: string[] = [];
  for (const [i, status] of (["WON", "QUOTED", "PASSED"] as const).entries()) {
    const at = new Date(now - 60 * 60_000 - i * 60_000);
    const r = await db.request.create({
      data: { customerId: buyer.id, bodyType: "SUV", condition: "ANY", makes: [], features: [], wantsFinancing: false, zip: "85004", city: "Phoenix", state: "AZ", lat: 33.45, lng: -112.07, radiusMiles: 50, timeline: "ASAP", expiresAt: new Date(now + 86_400_000), createdAt: at, status: status === "WON" ? "ACCEPTED" : "OPEN" },
      select: { id: true },
    });
    const quoted = status !== "PASSED";
    const lead = await db.lead.create({
      data: { requestId: r.id, dealerId, bodyType: "SUV", distanceMiles: 3, matchReasons: {}, buyerAlias: `Buyer E2E${i}`, status, createdAt: at, viewedAt: at, firstResponseAt: quoted ? new Date(at.getTime() + 3 * 60_000) : null, firstQuoteAt: quoted ? new Date(at.getTime() + 3 * 60_000) : null },
      select: { id: true },
    });
    made.push(lead.id);
    if (!quoted) continue;
    const q = await db.quote.create({
      data: { leadId: lead.id, requestId: r.id, dealerId, requestVersion: 1, year: 2025, make: "Toyota", model: "RAV4", vin: "JTMW1RFV5KD000001", condition: "NEW", mileage: 5, inStock: true, vehiclePriceCents: 3_000_000, feesCents: 0, addOnsCents: 0, incentivesCents: 0, tradeInOfferCents: 0, taxCents: 0, otdCents: 3_000_000, amountFinancedCents: 3_000_000, validUntil: new Date(now + 86_400_000), status: status === "WON" ? "ACCEPTED" : "ACTIVE" },
      select: { id: true },
    });
    if (status === "WON")
      await db.deal.create({ data: { requestId: r.id, quoteId: q.id, customerId: buyer.id, dealerId, quoteVersion: 1, otdCents: 3_000_000, outcome: "CONFIRMED", deliveredOn: new Date(now), finalOtdCents: 3_000_000, grossProfitCents: 200_000 }, select: { id: true } });
  }
  // The figures the page must show, counted here straight from the rows of the last 12 weeks.
  const monday = new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()) - ((new Date(now).getUTCDay() + 6) % 7) * 86_400_000 - 11 * 7 * 86_400_000);
  const window = { dealerId, createdAt: { gte: monday } };
  const leads = await db.lead.count({ where: window });
  const quoted = await db.lead.count({ where: { ...window, firstQuoteAt: { not: null } } });
  const won = await db.lead.count({ where: { ...window, status: "WON" } });

  await signIn(page, DEALER);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  for (const h of ["Speed to first response", "Funnel", "Return on leads", "Customers"]) await expect(page.getByRole("heading", { name: h })).toBeVisible();
  // Three charts drawn by uPlot (speed, funnel, return).
  await expect(page.locator(".uplot")).toHaveCount(3);
  await expect(page.getByTestId("funnel-asof")).toHaveText(/^as of \d\d:\d\d UTC$/);
  await expect(page.getByTestId("funnel-leads")).toContainText(String(leads));
  await expect(page.getByTestId("funnel-quoted")).toContainText(String(quoted));
  await expect(page.getByTestId("funnel-accepted")).toContainText(String(won));
  await expect(page.getByTestId("win-rate")).toHaveText(`${Math.round((won * 100) / quoted)}%`);
  // The drill-down lists the won lead, linked to its page.
  const accepted = page.getByTestId("funnel-accepted");
  await accepted.getByText(/leads? behind Accepted|\d+ leads?/).first().click();
  await expect(accepted.getByRole("link", { name: "Buyer E2E0" })).toHaveAttribute("href", `/dealer/leads/${made[0]}`);
  // The buyer is a customer; the list shows the alias, not the name.
  const customer = page.getByTestId("customer-row").filter({ hasText: "Buyer E2E0" });
  await expect(customer).toContainText("Customer");
  await expect(customer).not.toContainText("Ava");

  await shoot(page, "analytics");
  // The return figure counts the leads' cost at the price the admin sets: $250 per accepted deal.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await signIn(page, demo.admin);
  await page.goto("/admin/market");
  await expect(page.getByTestId("metro-row").filter({ hasText: "Phoenix, AZ" })).toBeVisible();
  const { name } = await db.dealer.findUniqueOrThrow({ where: { id: dealerId }, select: { name: true } });
  await page.getByLabel(name).fill("250");
  await page.getByRole("button", { name: `Save price for ${name}` }).click();
  await expect(page.locator("label", { hasText: name })).toContainText("now $250");
  await shoot(page, "admin-market");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await signIn(page, DEALER);
  await page.goto("/dealer/analytics");
  await expect(page.getByTestId("return-total")).toContainText(`$${(250 * won).toLocaleString("en-US")}`);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
  await expectNoSeriousA11yIssues(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await expectNoSeriousA11yIssues(page);
});
