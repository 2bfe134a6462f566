import { expect, test } from "@playwright/test";
import { demo, signIn } from "../fixtures/auth";
import { expectNoSeriousA11yIssues } from "../fixtures/look";

// Screenshots of each role's landing page at laptop and phone size (for people to look at), and an axe
// pass over the public pages.
const sizes = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };


for (const [size, viewport] of Object.entries(sizes)) {
  test(`public pages at ${size} size are accessible`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const path of ["/", "/signin", "/signup"]) {
      await page.goto(path);
      await page.screenshot({ path: `test-results/screens/public${path === "/" ? "-home" : path.replace("/", "-")}-${size}.png`, fullPage: true });
      await expectNoSeriousA11yIssues(page);
    }
  });

  test(`role landing pages at ${size} size`, async ({ browser }) => {
    for (const [who, email] of [["customer", demo.ava], ["dealer", demo.dealerPhoenix], ["lender", demo.lender1], ["admin", demo.admin]] as const) {
      // axe needs a page from an explicit context.
      const context = await browser.newContext({ viewport, baseURL: test.info().project.use.baseURL });
      const page = await context.newPage();
      await signIn(page, email);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `test-results/screens/${who}-${size}.png`, fullPage: true });
      await expectNoSeriousA11yIssues(page);
      await context.close();
    }
  });
}
