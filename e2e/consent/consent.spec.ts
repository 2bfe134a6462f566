import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues, shoot } from "../fixtures/look";
import { demo, signIn } from "../fixtures/auth";
import { acceptedDealScenario, creditShareScenario, shortCounterKey } from "./setup";



test("a customer stops sharing; the lender's next API call gets nothing, and the earlier read is in the log", async ({ page, request }) => {
  const s = await creditShareScenario();
  const auth = { authorization: `Bearer ${s.apiKey}` };

  // While the key is live, the lender's system reads the credit profile (one logged read).
  const before = await request.get(`/api/v1/pre-approvals/${s.preApprovalId}`, { headers: auth });
  expect(before.status()).toBe(200);
  expect((await before.json()).applicant.credit.score).toBe(792);

  await signIn(page, demo.ava);
  await page.goto("/customer/data/log");
  const log = page.getByTestId("access-log");
  // One row per read; whether income comes in the same read or its own is the lender API's choice.
  await expect(log.getByText(new RegExp(`^${s.lenderName}'s system read your credit score( and income)? for your new Toyota RAV4 SUV request`))).toBeVisible();
  await expect(log).not.toContainText("792");
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "consent-log");

  await page.goto("/customer/data");
  const card = page.getByTestId("active-grants").getByRole("listitem").filter({ hasText: "Toyota RAV4 SUV request" });
  await expect(card.getByText("Lenders asked to finance your quotes")).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "consent-my-data");
  await card.getByRole("button", { name: /Stop sharing/ }).click();
  await expect(card.getByText("What happens when you stop sharing")).toBeVisible();
  await shoot(page, "consent-my-data-confirm");
  await card.getByRole("button", { name: "Yes, stop sharing" }).click();
  const ended = page.getByTestId("ended-grants").getByRole("listitem").filter({ hasText: "Toyota RAV4 SUV request" });
  await expect(ended.getByText("You stopped this")).toBeVisible();
  await shoot(page, "consent-my-data-ended");

  // The very next call: the grant is gone, so no credit or income comes back, and the request is cancelled.
  const after = await request.get(`/api/v1/pre-approvals/${s.preApprovalId}`, { headers: auth });
  expect(after.status()).toBe(200);
  const body = await after.json();
  expect(body.applicant.credit).toBeUndefined();
  expect(body.applicant.income).toBeUndefined();
  expect(body.status).toBe("cancelled");
  // The score as a JSON value, not as digits inside an id or a timestamp.
  expect(JSON.stringify(body)).not.toMatch(/:792[,}\]]/);
});

test("a counter key opens only for the dealer's desk (staff or the one-time code), and refuses everyone else in the buyer's log", async ({ page, browser }) => {
  // Four people (buyer, desk, rival dealer, staff) sign in or open pages: more than the default budget.
  test.setTimeout(180_000);
  const s = await acceptedDealScenario(demo.ben);
  await signIn(page, demo.ben);
  await page.goto("/customer/data");
  const panel = page.getByRole("form", { name: `Give ${s.dealerName} a key` });
  await expect(panel.getByTestId("counter-key-rule")).toContainText(`only for ${s.dealerName}'s signed-in staff, or once with a 6-digit code`);
  await panel.getByRole("checkbox", { name: "Your home address" }).uncheck();
  await panel.getByRole("button", { name: "Give the dealer a key" }).click();
  // The link appears once the key is made; wait for it rather than reading an empty field.
  await expect(page.getByTestId("counter-key-url")).toHaveValue(/\/key\/[A-Za-z0-9_-]{20,}$/);
  const url = await page.getByTestId("counter-key-url").inputValue();
  const code = (await page.getByTestId("counter-key-code").innerText()).replace(/\s/g, "");
  expect(code).toMatch(/^\d{6}$/);
  await expect(page.getByRole("img", { name: /QR code/ }).locator("svg")).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "consent-counter-key");

  // Signed out, the link alone shows nothing of Ben.
  const desk = await (await browser.newContext()).newPage();
  await desk.goto(url);
  await expect(desk.getByTestId("key-state")).toHaveText(`This key is for ${s.dealerName}'s desk`);
  await expect(desk.getByText("214-555-0178")).toHaveCount(0);
  await expectNoSeriousA11yIssues(desk);
  await desk.screenshot({ path: "test-results/screens/consent-desk-refused-laptop.png", fullPage: true });
  // With the code Ben reads out: contact only, nothing else.
  await desk.getByLabel("Customer's 6-digit code").fill(code);
  await desk.getByRole("button", { name: "Open" }).click();
  await expect(desk.getByTestId("key-state")).toHaveText("Customer details");
  await expect(desk.getByTestId("key-fields")).toContainText("214-555-0178");
  await expect(desk.getByTestId("key-fields")).not.toContainText("1800 Main St");
  await expect(desk.getByTestId("key-fields")).not.toContainText("Yearly income");
  await expectNoSeriousA11yIssues(desk);
  await desk.screenshot({ path: "test-results/screens/consent-desk-laptop.png", fullPage: true });
  await desk.setViewportSize({ width: 390, height: 844 });
  await desk.screenshot({ path: "test-results/screens/consent-desk-phone.png", fullPage: true });
  // The code works once.
  await desk.reload();
  await expect(desk.getByTestId("key-refused")).toContainText("already used");
  await expect(desk.getByText("214-555-0178")).toHaveCount(0);

  // A competing dealer, signed in, sees nothing either.
  const rival = await (await browser.newContext()).newPage();
  await signIn(rival, demo.dealerDallas);
  await rival.goto(url);
  await expect(rival.getByTestId("key-refused")).toContainText("only for the dealership it was made for");
  await expect(rival.getByText("214-555-0178")).toHaveCount(0);

  // The accepted dealer's signed-in staff open it.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, demo.dealerPhoenix);
  await staff.goto(url);
  await expect(staff.getByTestId("key-fields")).toContainText("214-555-0178");

  // Ben's page counts the two real openings without a reload; his log names each viewer, refusals marked.
  await expect(page.getByTestId("counter-keys")).toContainText("opened 2 times");
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByTestId("counter-keys").getByRole("button", { name: "Cancel key" }).first().click();
  await expect(page.getByTestId("counter-keys")).toHaveCount(0);
  await staff.reload();
  await expect(staff.getByTestId("key-state")).toHaveText("The customer cancelled this key");
  await expect(staff.getByText("214-555-0178")).toHaveCount(0);

  // A key made to last 3 seconds works for the staff, then expires by itself.
  const short = await shortCounterKey(s.customerId, s.dealId, 3);
  await staff.goto(short.path);
  await expect(staff.getByTestId("key-state")).toHaveText("Customer details");
  await expect(async () => {
    await staff.reload();
    await expect(staff.getByTestId("key-state")).toHaveText("This key has expired", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  await page.goto("/customer/data/log");
  const log = page.getByTestId("access-log");
  await expect(log.getByText(/^Someone at the counter of .+ using the one-time code opened your counter key and saw your contact details/).first()).toBeVisible();
  // The demo staff's name already says where they work ("Taylor at <dealer>"), so the dealer is named once.
  await expect(log.getByText(`at ${s.dealerName} (staff, signed in) opened your counter key`).first()).toBeVisible();
  await expect(log.getByText("Someone who was not signed in tried to open your counter key without the code. Nothing was shown.", { exact: true }).first()).toBeVisible();
  await expect(log.getByText("Someone who was not signed in tried to open your counter key with a code that had already been used. Nothing was shown.", { exact: true }).first()).toBeVisible();
  await expect(log.getByText(/^.+ \(not the dealer you accepted\) tried to open your counter key\. Nothing was shown\.$/).first()).toBeVisible();
  await expect(log.getByText("Refused, saw nothing").first()).toBeVisible();
  await shoot(page, "consent-counter-key-log");
});

test("the profile: details saved, no credit check without ticking the box, then a sandbox soft check", async ({ page }) => {
  await signIn(page, demo.cara);
  await page.goto("/customer/profile");
  await expect(page.getByLabel("First name")).toHaveValue("Cara");
  await page.getByLabel("Monthly rent or mortgage ($)").fill("1250");
  await page.getByRole("button", { name: "Save my details" }).click();
  await expect(page.getByText("Saved. Your next request will use these details.")).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "consent-profile");

  await page.getByRole("radio", { name: "Check my credit" }).click();
  await page.getByLabel("Date of birth").fill("1991-05-04");
  await page.getByLabel("Last 4 digits of your SSN").fill("0003");
  await page.getByRole("button", { name: "Check my credit" }).click();
  await expect(page.getByText("Tick the box to instruct us to check your credit")).toBeVisible();
  await expect(page.getByTestId("credit-summary")).toContainText("Self-reported");

  await page.getByRole("checkbox", { name: /I agree/ }).check();
  await page.getByRole("button", { name: "Check my credit" }).click();
  await expect(page.getByText("Done: your score is 634")).toBeVisible();
  await expect(page.getByTestId("credit-summary")).toContainText("Score 634 from a soft check");
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "consent-profile-credit");
});
