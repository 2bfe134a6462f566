// A busy dealer's dashboard pages its leads: the newest fifty first, then older ones on request.
import { expect, test } from "@playwright/test";
import { db } from "../../src/server/db";
import { expectNoSeriousA11yIssues } from "../fixtures/look";
import { signIn, unique } from "../fixtures/auth";

const DEALER = "dealer15@demo.keyturn"; // a Phoenix dealer no other journey signs in as

/** 55 leads for the dealer, one per request of a throwaway buyer, a day apart, the oldest 55 days ago. */
async function backlog(tag: string) {
  const { dealerId } = await db.membership.findFirstOrThrow({ where: { user: { email: DEALER } }, select: { dealerId: true } });
  const buyer = await db.user.create({ data: { email: `${tag}@test.keyturn`, name: "Backlog buyer", passwordHash: "x", role: "CUSTOMER" }, select: { id: true } });
  const day = 86_400_000;
  for (let i = 1; i <= 55; i++) {
    const createdAt = new Date(Date.now() - i * day);
    await db.request.create({
      data: {
        customerId: buyer.id, bodyType: "SEDAN", condition: "USED", makes: ["Honda"], model: `${tag}-${i}`, features: [], wantsFinancing: false, downPaymentCents: 0,
        zip: "85004", city: "Phoenix", state: "AZ", lat: 33.45, lng: -112.07, radiusMiles: 25, timeline: "WITHIN_MONTH", expiresAt: new Date(createdAt.getTime() + 90 * day), createdAt,
        leads: { create: { dealerId: dealerId!, bodyType: "SEDAN", distanceMiles: 3, matchReasons: {}, buyerAlias: `Buyer ${i}`, status: "VIEWED", createdAt } },
      },
    });
  }
}

test("a dealer with more than fifty leads sees the newest first and loads older ones with a button", async ({ page }) => {
  const tag = unique("Civic");
  await backlog(tag);
  await signIn(page, DEALER);
  await page.goto("/dealer");
  const rows = page.getByTestId("lead-row");
  await expect(rows).toHaveCount(50);
  await expect(rows.filter({ hasText: `${tag}-1` }).first()).toBeVisible();
  await expect(rows.filter({ hasText: `${tag}-55` })).toHaveCount(0);

  await page.getByRole("button", { name: "Show older leads" }).click();
  await expect(rows.filter({ hasText: `${tag}-55` })).toHaveCount(1);
  // Every lead once, in order: the older page continues where the first stopped.
  const hrefs = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("href")));
  expect(new Set(hrefs).size).toBe(hrefs.length);
  const mine = (await rows.allTextContents()).map((t) => Number(new RegExp(`${tag}-(\\d+)`).exec(t)?.[1])).filter(Number.isFinite);
  expect(mine).toEqual(Array.from({ length: 55 }, (_, i) => i + 1));
  await expect(page.getByRole("button", { name: "Show older leads" })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);
});
