// Issue 13 item 11: password reset through the pages, reading the link from the dev mail sink (/admin/mail,
// the OutboundEmail rows that MAIL_TRANSPORT=log leaves as the inbox).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, signIn, unique } from "../fixtures/auth";
import { expectNoSeriousA11yIssues, shoot } from "../fixtures/look";

const OLD_PASSWORD = "old-password-7";
const NEW_PASSWORD = "new-password-8";

/** The admin opens the mail sink and reads the reset link sent to `email`. */
async function resetLinkFromMailSink(browser: Browser, baseURL: string, email: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  const admin = await context.newPage();
  await signIn(admin, demo.admin);
  await admin.goto("/admin/mail");
  const mail = admin.getByTestId("mail-sink").locator("li", { hasText: `to ${email}` });
  await expect(mail).toHaveCount(1);
  await mail.locator("summary").click();
  await expect(mail).toContainText("Choose a new Keyturn password");
  const text = (await mail.locator("pre").textContent()) ?? "";
  await context.close();
  const link = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link, text).toBeTruthy();
  const url = new URL(link!);
  return `${url.pathname}${url.search}`;
}

async function setPassword(page: Page, password: string, repeat = password) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the new password").fill(repeat);
  await page.getByRole("button", { name: "Set new password" }).click();
}

test("a forgotten password is reset through the emailed link, which then works no more", async ({ page, browser }) => {
  test.slow(); // several sign-ins (scrypt) and axe runs on a shared machine
  const baseURL = test.info().project.use.baseURL!;
  const email = `${unique("reset")}@e2e.test`;

  // A buyer with an open session elsewhere.
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await otherPage.goto("/signup");
  await otherPage.getByLabel("Your name").fill("E2E Reset");
  await otherPage.getByLabel("Email").fill(email);
  await otherPage.getByLabel("Password").fill(OLD_PASSWORD);
  await otherPage.getByRole("button", { name: "Create account" }).click();
  await expect(otherPage.getByTestId("signed-in-as")).toBeAttached();

  // Ask for a link from the sign-in page.
  await page.goto("/signin");
  await shoot(page, "signin-with-forgot");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/signin\/forgot$/);
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "reset-ask");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  const answer = "If an account uses that email, we have sent it a link to choose a new password.";
  await expect(page.getByText(answer)).toBeVisible();
  await shoot(page, "reset-asked");

  // An unknown email gets exactly the same answer.
  await page.goto("/signin/forgot");
  await page.getByLabel("Email").fill(`${unique("nobody")}@e2e.test`);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText(answer)).toBeVisible();

  const link = await resetLinkFromMailSink(browser, baseURL, email);

  // Set a new password: a weak one is explained and changes nothing.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await setPassword(page, "short");
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await setPassword(page, NEW_PASSWORD, "something-else-9");
  await expect(page.getByText("The two passwords are different.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toHaveCount(0); // the earlier answer is gone
  await setPassword(page, "onlyletterslong");
  await expect(page.getByText("Mix letters and numbers.")).toBeVisible();
  await shoot(page, "reset-weak");
  await setPassword(page, NEW_PASSWORD);
  await expect(page.getByText("Your password has been changed.")).toBeVisible();

  // The other session has ended; the old password is refused and the new one works.
  await otherPage.goto("/customer");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(OLD_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await signIn(page, email, NEW_PASSWORD);

  // The used link is refused, with a way to ask for a new one.
  await page.context().clearCookies();
  await page.goto(link);
  await setPassword(page, "another-password-9");
  await expect(page.getByText("This reset link has expired or has already been used.")).toBeVisible();
  await expect(page.getByText("Ask for a new one.")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Ask for a new reset link" })).toHaveAttribute("href", "/signin/forgot");
  await expectNoSeriousA11yIssues(page);
  await shoot(page, "reset-used-link");
  await signIn(page, email, NEW_PASSWORD);
});
