// A lender without an integration works its queue by hand: it reviews what the buyer shared, is told
// what to fix, approves, and the buyer sees the offer and, on "Who saw my data", that someone looked.
import { expect, test } from "@playwright/test";
import { PORTS } from "../../playwright.config";
import { expectNoSeriousA11yIssues, shoot } from "../fixtures/look";
import { demo, signIn, unique } from "../fixtures/auth";
import { quotedRequestSharingCredit } from "./setup";

const A = `http://localhost:${PORTS.a}`;
const UNDERWRITER = "lender4@demo.keyturn"; // used by no other journey, so its queue is this test's alone

test("an underwriter reviews a waiting request in the console and approves it; the buyer sees the APR and the view", async ({ browser }) => {
  const lenderCtx = await browser.newContext({ baseURL: A });
  const lender = await lenderCtx.newPage();
  await signIn(lender, UNDERWRITER, undefined, A);
  await lender.goto(`${A}/lender`);
  await lender.getByRole("tab", { name: "Waiting on you" }).click();
  await expect(lender.getByTestId("pre-approval-queue").or(lender.getByText("No pre-approval requests here"))).toBeVisible();

  // The request arrives while the underwriter watches: it appears live (the queue's fallback poll is a minute).
  const model = unique("Highlander");
  const { requestId, lenderName } = await quotedRequestSharingCredit(model, { waitingOn: UNDERWRITER });
  const review = lender.getByRole("link", { name: `Review the 2025 Toyota ${model} request` });
  await expect(review).toBeVisible();
  await review.click();

  await expect(lender.getByRole("heading", { name: `2025 Toyota ${model} XLE` })).toBeVisible();
  await expect(lender.getByTestId("amount-to-finance")).toHaveText("$34,400");
  await expect(lender.getByTestId("applicant")).toContainText("Credit score");
  await expect(lender.getByTestId("applicant")).toContainText("Annual income");
  await expectNoSeriousA11yIssues(lender);
  await shoot(lender, "lender-review");

  // A decline needs its reasons; nothing is recorded until they are given.
  await lender.getByRole("radio", { name: "Decline" }).check();
  await lender.getByRole("button", { name: "Record decision" }).click();
  await expect(lender.getByText("Give at least one reason, one per line.")).toBeVisible();
  await expect(lender.getByLabel("Principal reasons")).toHaveAttribute("aria-invalid", "true");

  // Approve instead: the payment preview follows the terms typed.
  await lender.getByRole("radio", { name: "Approve", exact: true }).check();
  // An APR out of range shows no preview and is named on submit; the page keeps working.
  await lender.getByLabel("APR (%)").fill("150");
  await expect(lender.getByTestId("payment-preview")).toHaveCount(0);
  await lender.getByRole("button", { name: "Record decision" }).click();
  await expect(lender.getByText("The APR cannot exceed 100%.")).toBeVisible();
  await lender.getByLabel("APR (%)").fill("5.25");
  await lender.getByLabel("Term (months)").fill("60");
  await lender.getByLabel("Most you will lend ($)").fill("40,000");
  await expect(lender.getByTestId("payment-preview")).toHaveText("$653.12");
  await lender.getByRole("button", { name: "Record decision" }).click();
  await expect(lender.getByText("Decision recorded. The buyer sees it now.")).toBeVisible();
  await expect(lender.getByText("By hand")).toBeVisible();
  await expect(lender.getByText("5.25% for 60 months, $653.12/mo")).toBeVisible();
  await expect(lender.getByRole("button", { name: "Replace decision" })).toBeVisible();
  await shoot(lender, "lender-review-decided");

  // The buyer's request shows the offer, and her access log shows a person at the lender looked.
  const buyerCtx = await browser.newContext({ baseURL: A });
  const buyer = await buyerCtx.newPage();
  await signIn(buyer, demo.ava, undefined, A);
  await buyer.goto(`${A}/customer/requests/${requestId}`);
  await expect(buyer.getByTestId("apr").first()).toHaveText("5.25% APR", { timeout: 20_000 });
  await buyer.goto(`${A}/customer/data/log`);
  const seen = buyer.getByTestId("access-log").locator("li").filter({ hasText: model });
  await expect(seen).toContainText(`Someone at ${lenderName} viewed your credit score and income for your new Toyota ${model} SUV request`);
  // One visit, one line: recording the decision did not read her data again.
  await expect(seen).toHaveCount(1);

  await Promise.all([lenderCtx.close(), buyerCtx.close()]);
});

test("another lender's request reads as missing in the console", async ({ browser }) => {
  const model = unique("Sequoia");
  const { preApprovalId } = await quotedRequestSharingCredit(model, { waitingOn: UNDERWRITER });
  const other = await browser.newContext({ baseURL: A });
  const page = await other.newPage();
  await signIn(page, demo.lender1, undefined, A);
  await page.goto(`${A}/lender`);
  await expect(page.getByTestId("pre-approval-queue").or(page.getByText("No pre-approval requests here"))).toBeVisible();
  await expect(page.getByText(model)).toHaveCount(0);
  // Its id, typed in directly, gives the same answer as an id that does not exist.
  for (const id of [preApprovalId!, "does-not-exist"]) {
    await page.goto(`${A}/lender/pre-approvals/${id}`);
    await expect(page.getByText("No such pre-approval request")).toBeVisible();
    await expect(page.getByText(model)).toHaveCount(0);
  }
  await other.close();
});
