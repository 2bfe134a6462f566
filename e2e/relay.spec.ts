import nodemailer from "nodemailer";
import { expect, test } from "@playwright/test";
import { PORTS } from "../playwright.config";
import { demo, signIn, unique } from "./fixtures/auth";
import { expectFitsPhone, shoot } from "./fixtures/look";
import { dallasRequestWithQuote, dealerNameOf } from "./inbox/fixture";
import { db } from "../src/server/db";

const A = `http://localhost:${PORTS.a}`;
// scripts/e2e.mts starts `npm run relay` two ports above the first app instance.
const RELAY_PORT = PORTS.a + 2;

test("the buyer's message reaches the dealer's CRM mailbox from the relay address, and the dealer's emailed reply appears in the buyer's thread live", async ({ browser }) => {
  const model = unique("Relay");
  const { requestId } = await dallasRequestWithQuote(model);
  const dealerName = await dealerNameOf(demo.dealerDallas);
  const { dealerId } = (await db.membership.findFirstOrThrow({ where: { user: { email: demo.dealerDallas } }, select: { dealerId: true } })) as { dealerId: string };
  const crm = `${unique("crm")}@dealer-crm.example`;
  await db.dealerCrmAddress.create({ data: { dealerId, email: crm } });
  try {
    const buyerCtx = await browser.newContext({ baseURL: A });
    const buyer = await buyerCtx.newPage();
    await signIn(buyer, demo.ben, undefined, A);
    await buyer.goto(`/customer/requests/${requestId}`);
    const inbox = buyer.getByTestId("quote-inbox");
    await expect(inbox.getByTestId("live-status")).toHaveText("Live");
    await inbox.getByRole("button", { name: `Message ${dealerName}` }).click();
    const thread = buyer.getByTestId("customer-thread");
    await thread.getByLabel(`Message to ${dealerName}`).fill("Is the sedan still available in grey?");
    await thread.getByRole("button", { name: "Send" }).click();
    await expect(thread.getByTestId("message")).toContainText(["Is the sedan still available in grey?"]);

    // The dealer's CRM mailbox is the app's mail sink: the forward comes from the lead's relay address.
    const adminCtx = await browser.newContext({ baseURL: A });
    const admin = await adminCtx.newPage();
    await signIn(admin, demo.admin, undefined, A);
    await admin.goto("/admin/mail");
    const item = admin.getByTestId("mail-sink").locator("li", { hasText: `to ${crm}` }).filter({ hasText: "new message from" });
    await expect(item).toHaveCount(1, { timeout: 60_000 });
    const summary = (await item.locator("summary").textContent()) ?? "";
    const relayAddress = /from (lead-[0-9a-f]{32}@relay\.keyturn\.localhost)/.exec(summary)?.[1];
    expect(relayAddress).toBeTruthy();
    await item.locator("summary").click();
    await expect(item.locator("pre")).toContainText("Is the sedan still available in grey?");
    expect(summary).not.toContain(demo.ben);

    // The dealer answers from its CRM by replying: real SMTP to the relay, quoted history and all.
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: RELAY_PORT, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: crm,
      to: relayAddress!,
      subject: "Re: Keyturn: new message",
      text: "Yes, we have one in grey on the lot.\n\n-- \nSales desk\n\nOn Mon, Dec 7, 2026 at 10:02 AM Keyturn <" + relayAddress + "> wrote:\n> Is the sedan still available in grey?\n",
    });
    transport.close();

    // The buyer's page was never reloaded: the reply arrives live, as the dealer, without its quoted history.
    await expect(thread.getByTestId("message")).toHaveCount(2, { timeout: 30_000 });
    await expect(thread.getByTestId("message").nth(1)).toContainText("Yes, we have one in grey on the lot.");
    await expect(thread).not.toContainText("Sales desk");
    await expect(thread).not.toContainText(crm);

    // A reply with an attachment bounces, and the dealer's CRM page says which reply and why.
    const again = nodemailer.createTransport({ host: "127.0.0.1", port: RELAY_PORT, secure: false, ignoreTLS: true });
    await expect(again.sendMail({ from: crm, to: relayAddress!, subject: "Re: Keyturn", text: "Brochure attached.", attachments: [{ filename: "brochure.pdf", content: "x" }] })).rejects.toMatchObject({ responseCode: 550 });
    again.close();
    const dealerCtx = await browser.newContext({ baseURL: A });
    const dealer = await dealerCtx.newPage();
    await signIn(dealer, demo.dealerDallas, undefined, A);
    await dealer.goto(`${A}/dealer/crm`);
    const replies = dealer.getByTestId("relay-replies");
    await expect(replies.locator("li").first()).toContainText("Refused: it had attachments; reply with text only.");
    await expect(replies.locator("li").nth(1)).toContainText("Posted to the buyer's thread.");
    await expectFitsPhone(dealer);
    await shoot(dealer, "relay-crm-replies");
    await expect(thread.getByTestId("message")).toHaveCount(2);
    await Promise.all([buyerCtx.close(), adminCtx.close(), dealerCtx.close()]);
  } finally {
    // Leave the demo dealer as it was, so other journeys send no CRM mail.
    await db.dealerCrmAddress.deleteMany({ where: { dealerId, email: crm } });
  }
});
