// Issue 13: a list page's filters, tab and search survive a reload and the back button, because they live in
// the URL; a value nobody could have chosen (?status=zzz) shows the default list instead of an error.
import { expect, test, type Page } from "@playwright/test";
import { db } from "../../src/server/db";
import { quotedRequestSharingCredit } from "../lender-api/setup";
import { demo, signIn, unique } from "../fixtures/auth";
import { shoot } from "../fixtures/look";

const DEALER = "dealer16@demo.keyturn"; // a Phoenix dealer no other journey signs in as
const LENDER = "lender3@demo.keyturn"; // likewise

/** Three leads for the dealer: a new sedan, a quoted sedan and a quoted SUV, each naming `tag` in its model. */
async function threeLeads(tag: string) {
  const { dealerId } = await db.membership.findFirstOrThrow({ where: { user: { email: DEALER } }, select: { dealerId: true } });
  const buyer = await db.user.create({ data: { email: `${tag}@test.keyturn`, name: "URL buyer", passwordHash: "x", role: "CUSTOMER" }, select: { id: true } });
  const rows = [["new-sedan", "SEDAN", "NEW"], ["quoted-sedan", "SEDAN", "QUOTED"], ["quoted-suv", "SUV", "QUOTED"]] as const;
  for (const [name, bodyType, status] of rows) {
    await db.request.create({
      data: {
        customerId: buyer.id, bodyType, condition: "USED", makes: ["Honda"], model: `${tag}-${name}`, features: [], wantsFinancing: false, downPaymentCents: 0,
        zip: "85004", city: "Phoenix", state: "AZ", lat: 33.45, lng: -112.07, radiusMiles: 25, timeline: "WITHIN_MONTH", expiresAt: new Date(Date.now() + 30 * 86_400_000),
        leads: { create: { dealerId: dealerId!, bodyType, distanceMiles: 3, matchReasons: {}, buyerAlias: `Buyer ${name}`, status } },
      },
    });
  }
}

const statusButton = (page: Page, word: string) => page.getByRole("navigation", { name: "Filter by status" }).getByRole("button", { name: new RegExp(`^${word}\\b`) });
const modelsShown = async (page: Page, tag: string) =>
  (await page.getByTestId("lead-row").filter({ hasText: tag }).allTextContents()).map((t) => new RegExp(`${tag}-([a-z-]+)`).exec(t)?.[1]).sort();

test("the dealer's status and body-type filters survive a reload and back from a lead; ?status=zzz shows every lead", async ({ page }) => {
  const tag = unique("Url");
  await threeLeads(tag);
  await signIn(page, DEALER);
  await page.goto("/dealer");
  await expect(page.getByTestId("lead-row").filter({ hasText: tag })).toHaveCount(3);

  await statusButton(page, "Quoted").click();
  await page.getByLabel("Body type").selectOption("SUV");
  await expect(page).toHaveURL(/\/dealer\?status=quoted&body=suv$/);
  await expect.poll(() => modelsShown(page, tag)).toEqual(["quoted-suv"]);

  await page.reload();
  await expect(statusButton(page, "Quoted")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Body type")).toHaveValue("SUV");
  await expect.poll(() => modelsShown(page, tag)).toEqual(["quoted-suv"]);
  await shoot(page, "dealer-dashboard-filtered");

  // Filtering replaced the history entry: back from the lead lands on the filtered board, not on a plain one.
  await page.getByTestId("lead-row").filter({ hasText: tag }).click();
  await expect(page).toHaveURL(/\/dealer\/leads\//);
  await page.goBack();
  await expect(page).toHaveURL(/\/dealer\?status=quoted&body=suv$/);
  await expect(statusButton(page, "Quoted")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => modelsShown(page, tag)).toEqual(["quoted-suv"]);

  await statusButton(page, "All").click();
  await expect(page).toHaveURL(/\/dealer\?body=suv$/);

  await page.goto("/dealer?status=zzz&body=boat");
  await expect(statusButton(page, "All")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Body type")).toHaveValue("");
  await expect.poll(() => modelsShown(page, tag)).toEqual(["new-sedan", "quoted-sedan", "quoted-suv"]);
  await expect(page.getByText("We could not load your leads")).toHaveCount(0);
});

test("the lender's tab survives a reload; ?status=zzz shows every request", async ({ page }) => {
  const waiting = unique("RAV4w");
  const decided = unique("RAV4d");
  await quotedRequestSharingCredit(waiting, { waitingOn: LENDER });
  const { preApprovalId } = await quotedRequestSharingCredit(decided, { waitingOn: LENDER });
  await db.preApproval.update({ where: { id: preApprovalId! }, data: { status: "DECLINED", decidedAt: new Date(), source: "CONSOLE" } });
  const queue = page.getByTestId("pre-approval-queue");
  const tab = (name: string) => page.getByRole("tablist", { name: "Filter requests" }).getByRole("tab", { name });

  await signIn(page, LENDER);
  await page.goto("/lender");
  await tab("Decided").click();
  await expect(page).toHaveURL(/\/lender\?status=decided$/);
  await expect(queue.getByText(decided)).toBeVisible();
  await expect(queue.getByText(waiting)).toHaveCount(0);

  await page.reload();
  await expect(tab("Decided")).toHaveAttribute("aria-selected", "true");
  await expect(queue.getByText(decided)).toBeVisible();
  await expect(queue.getByText(waiting)).toHaveCount(0);
  await shoot(page, "lender-console-decided");

  await tab("Waiting on you").click();
  await expect(page).toHaveURL(/\/lender\?status=pending$/);
  await expect(queue.getByText(waiting)).toBeVisible();
  await expect(queue.getByText(decided)).toHaveCount(0);

  await page.goto("/lender?status=zzz");
  await expect(tab("All")).toHaveAttribute("aria-selected", "true");
  await expect(queue.getByText(waiting)).toBeVisible();
  await expect(queue.getByText(decided)).toBeVisible();
});

test("the buyer's access-log filters and the admin's account search survive a reload; nonsense falls back", async ({ page, browser }) => {
  const cara = await db.user.findUniqueOrThrow({ where: { email: demo.cara }, select: { id: true } });
  const lenderLabel = unique("Lender");
  const dealerLabel = unique("Dealer");
  await db.accessLog.createMany({
    data: [
      { customerId: cara.id, actorType: "LENDER", actorId: unique("l"), actorLabel: lenderLabel, fields: ["CREDIT"], purpose: "Pre-approval", channel: "api" },
      { customerId: cara.id, actorType: "DEALER", actorId: unique("d"), actorLabel: dealerLabel, fields: ["CONTACT"], purpose: "Deal", channel: "web" },
    ],
  });
  const log = page.getByTestId("access-log");
  await signIn(page, demo.cara);
  await page.goto("/customer/data/log");
  await page.getByLabel("What they saw").selectOption("CREDIT");
  await expect(page).toHaveURL(/\?field=credit$/);
  await page.reload();
  await expect(page.getByLabel("What they saw")).toHaveValue("CREDIT");
  await expect(log.getByText(lenderLabel)).toBeVisible();
  await expect(log.getByText(dealerLabel)).toHaveCount(0);
  await shoot(page, "access-log-filtered");

  // An id that is no reader of hers and a field that does not exist: the whole log, no error.
  await page.goto("/customer/data/log?who=c0nobody&field=zzz");
  await expect(page.getByLabel("Who looked")).toHaveValue("");
  await expect(page.getByLabel("What they saw")).toHaveValue("");
  await expect(log.getByText(lenderLabel)).toBeVisible();
  await expect(log.getByText(dealerLabel)).toBeVisible();

  const ctx = await browser.newContext();
  const admin = await ctx.newPage();
  await signIn(admin, demo.admin);
  await admin.goto("/admin");
  await admin.getByLabel("Search accounts").fill("ben@demo");
  await expect(admin).toHaveURL(/\/admin\?q=ben%40demo$/);
  await admin.reload();
  await expect(admin.getByLabel("Search accounts")).toHaveValue("ben@demo");
  await expect(admin.getByText("ben@demo.keyturn")).toBeVisible();
  await expect(admin.getByText("ava@demo.keyturn")).toHaveCount(0);
  await ctx.close();
});
