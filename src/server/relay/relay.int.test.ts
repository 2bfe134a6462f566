import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "~/env.js";
import { db } from "~/server/db";
import { runDueJobs } from "~/server/jobs/worker";
import { subscribe, topics } from "~/server/realtime";
import { setMailerForTests, type Mailer, type OutgoingMail } from "~/modules/notifications/mailer";
import { ensureRelayToken, relayAddress } from "~/modules/crm/relay-address";
import { RELAY_LIMITS } from "~/modules/relay/check-relay-recipient";
import { RELAY_FORWARD_QUEUE } from "~/modules/relay/forward-buyer-message";
import { createRelayServer, RELAY_MAX_BYTES } from "./smtp";
import { callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { makeLead, makeRequest } from "../../../test/marketplace-factories";

class RecordingMailer implements Mailer {
  readonly kind = "smtp" as const;
  sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail) {
    this.sent.push(mail);
  }
}

const mail = new RecordingMailer();
const relay = createRelayServer({ log: () => {} });
let port = 0;

beforeAll(async () => {
  setMailerForTests(mail);
  port = await relay.listen(0, "127.0.0.1");
});
afterAll(async () => {
  setMailerForTests(null);
  await relay.close();
});

let n = 0;
/** A buyer's open request, a lead to a dealer with one CRM address, and the lead's relay address. */
async function world(over: { leadStatus?: "NEW" | "PASSED" | "CLOSED"; requestStatus?: "OPEN" | "CANCELLED" } = {}) {
  const customer = await makeCustomer();
  const request = await makeRequest(customer.id, over.requestStatus ? { status: over.requestStatus } : {});
  const dealer = await makeDealer();
  const crm = `crm-${++n}-${Date.now()}@dealer.example`;
  await db.dealerCrmAddress.create({ data: { dealerId: dealer.id, email: crm } });
  const lead = await makeLead(request.id, dealer.id, over.leadStatus ? { status: over.leadStatus } : {});
  const token = await ensureRelayToken(db, lead.id);
  return { customer, request, dealer, crm, lead, token, address: relayAddress(token) };
}

/** Real SMTP to the listener; resolves with the server's answer or rejects with its refusal. */
function send(m: { envelopeFrom: string; from?: string; to: string; text: string; attachments?: { filename: string; content: string }[]; headers?: Record<string, string>; messageId?: string }) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  return transport
    .sendMail({ envelope: { from: m.envelopeFrom, to: m.to }, from: m.from ?? m.envelopeFrom, to: m.to, subject: "Re: your lead", text: m.text, attachments: m.attachments, headers: m.headers, messageId: m.messageId })
    .finally(() => transport.close());
}

const messagesOf = (leadId: string) => db.message.findMany({ where: { thread: { leadId } }, select: { senderType: true, senderUserId: true, body: true }, orderBy: { createdAt: "asc" } });
const logOf = (leadId: string) => db.relayInbound.findMany({ where: { leadId }, select: { outcome: true, mailFrom: true, fromHeader: true, messageId: true, detail: true }, orderBy: { createdAt: "asc" } });

const QUOTED = "We have it in blue, $31,900 out the door.\n\n-- \nMike, Sales\n\nOn Mon, Dec 7, 2026 at 10:02 AM Keyturn <lead-x@relay> wrote:\n> Is the RAV4 still available?\n";

describe("inbound relay", () => {
  it("a reply from the dealer's CRM address lands in the thread as the dealer, stripped of its history, live for the buyer", async () => {
    const w = await world();
    const events: string[] = [];
    let seen!: () => void;
    const live = new Promise<void>((resolve) => (seen = resolve));
    const stop = await subscribe(topics.request(w.request.id), (e) => {
      events.push(e.type);
      if (e.type === "message") seen();
    });
    try {
      const info = await send({ envelopeFrom: w.crm.toUpperCase(), from: w.crm, to: w.address, text: QUOTED });
      expect(info.response).toMatch(/^250/);
      await live;
    } finally {
      await stop();
    }
    expect(await messagesOf(w.lead.id)).toEqual([{ senderType: "DEALER", senderUserId: null, body: "We have it in blue, $31,900 out the door." }]);
    const [row] = await logOf(w.lead.id);
    expect(row).toMatchObject({ outcome: "ACCEPTED", mailFrom: w.crm, fromHeader: w.crm });
    expect(row!.messageId).toBeTruthy();
    expect(await db.notification.count({ where: { userId: w.customer.id, kind: "message" } })).toBe(1);
    // The buyer's view names the dealer, never the CRM mailbox.
    const thread = await (await callerAs(w.customer.id)).threads.get({ leadId: w.lead.id });
    expect(thread.messages[0]).toMatchObject({ author: w.dealer.name, mine: false });
    expect(JSON.stringify(thread)).not.toContain(w.crm);
  });

  it("a sending server's retry of an accepted mail (same Message-ID) is answered 250 and posts nothing; a new mail posts", async () => {
    const w = await world();
    const mail = { envelopeFrom: w.crm, to: w.address, text: QUOTED, messageId: `<retry-${w.lead.id}@crm.example>` };
    const [first, second] = [await send(mail), await send(mail)];
    expect([first.response, second.response]).toEqual([expect.stringMatching(/^250/), expect.stringMatching(/^250/)]);
    // At once, too: the unique (lead, Message-ID) index lets one of two racing deliveries post.
    const raced = await Promise.all([send({ ...mail, messageId: `<race-${w.lead.id}@crm.example>`, text: "Two at once." }), send({ ...mail, messageId: `<race-${w.lead.id}@crm.example>`, text: "Two at once." })]);
    expect(raced.map((r) => r.response)).toEqual([expect.stringMatching(/^250/), expect.stringMatching(/^250/)]);
    await send({ ...mail, messageId: `<other-${w.lead.id}@crm.example>`, text: "And one more thing." });
    expect((await messagesOf(w.lead.id)).map((m) => m.body)).toEqual(["We have it in blue, $31,900 out the door.", "Two at once.", "And one more thing."]);
    expect((await logOf(w.lead.id)).filter((r) => r.outcome === "ACCEPTED")).toHaveLength(3);
  });

  it("the dealer's CRM page lists its emailed replies with what became of each; another dealer sees none of them", async () => {
    const w = await world();
    await send({ envelopeFrom: w.crm, to: w.address, text: QUOTED });
    await expect(send({ envelopeFrom: w.crm, to: w.address, text: "See attached.", attachments: [{ filename: "x.pdf", content: "x" }] })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ envelopeFrom: "stranger@else.example", to: w.address, text: "hi" })).rejects.toMatchObject({ responseCode: 550 });
    const owner = await callerAs(w.dealer.ownerId);
    const log = await owner.crm.relayReplies();
    expect(log.map((r) => [r.outcome, r.text, r.from, r.buyerAlias === w.lead.buyerAlias])).toEqual([
      // A refused sender's address is not shown to the dealer: it may be anyone's.
      ["REJECTED_SENDER", "Refused: it was not sent from one of your CRM addresses.", null, true],
      ["REJECTED_CONTENT", "Refused: it had attachments; reply with text only.", w.crm, true],
      ["ACCEPTED", "Posted to the buyer's thread.", w.crm, true],
    ]);
    const other = await makeDealer();
    expect(await (await callerAs(other.ownerId)).crm.relayReplies()).toEqual([]);
  });

  it("refuses a sender that is not a registered CRM address, by envelope or by From header, and logs it", async () => {
    const w = await world();
    await expect(send({ envelopeFrom: "someone@else.example", to: w.address, text: "hi" })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ envelopeFrom: w.crm, from: "spoof@else.example", to: w.address, text: "hi" })).rejects.toMatchObject({ responseCode: 550 });
    expect(await messagesOf(w.lead.id)).toEqual([]);
    expect((await logOf(w.lead.id)).map((r) => r.outcome)).toEqual(["REJECTED_SENDER", "REJECTED_SENDER"]);
  });

  it("bounces a closed lead's token with a clear message: request ended, lead closed, lead passed", async () => {
    for (const over of [{ requestStatus: "CANCELLED" as const }, { leadStatus: "CLOSED" as const }, { leadStatus: "PASSED" as const }]) {
      const w = await world(over);
      await expect(send({ envelopeFrom: w.crm, to: w.address, text: "Still interested?" })).rejects.toMatchObject({
        responseCode: 550,
        response: expect.stringMatching(/lead has closed/),
      });
      expect(await messagesOf(w.lead.id)).toEqual([]);
      expect((await logOf(w.lead.id)).map((r) => r.outcome)).toEqual(["CLOSED"]);
    }
  });

  it("a forged token or a stranger's address changes nothing; the forged token is logged", async () => {
    const w = await world();
    const forged = "f".repeat(32);
    const before = await db.message.count();
    await expect(send({ envelopeFrom: w.crm, to: `lead-${forged}@${env.RELAY_DOMAIN}`, text: "hi" })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ envelopeFrom: w.crm, to: `sales@${env.RELAY_DOMAIN}`, text: "hi" })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ envelopeFrom: w.crm, to: `lead-${w.token}@other.example`, text: "hi" })).rejects.toMatchObject({ responseCode: 550 });
    expect(await db.message.count()).toBe(before);
    expect(await db.relayInbound.findMany({ where: { token: forged }, select: { outcome: true, leadId: true } })).toEqual([{ outcome: "UNKNOWN_TOKEN", leadId: null }]);
  });

  it("refuses attachments, automatic replies and oversized mail, keeping nothing", async () => {
    const w = await world();
    await expect(send({ envelopeFrom: w.crm, to: w.address, text: "I am out of the office until Monday.", headers: { "Auto-Submitted": "auto-replied" } })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ envelopeFrom: w.crm, to: w.address, text: "see attached", attachments: [{ filename: "a.txt", content: "x" }] })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ envelopeFrom: w.crm, to: w.address, text: "x".repeat(RELAY_MAX_BYTES + 10) })).rejects.toMatchObject({ responseCode: 552 });
    expect(await messagesOf(w.lead.id)).toEqual([]);
    expect((await logOf(w.lead.id)).map((r) => r.outcome)).toEqual(["REJECTED_CONTENT", "REJECTED_CONTENT", "TOO_LARGE"]);
  });

  it("throttles a flood on one lead: past the limit the sender is told to retry later, and only the limit is posted", async () => {
    const w = await world();
    const extra = 3;
    const results = [];
    for (let i = 0; i < RELAY_LIMITS.perToken.count + extra; i++) {
      results.push(await send({ envelopeFrom: w.crm, to: w.address, text: `auto-reply ${i}` }).then(() => 250, (e: { responseCode: number }) => e.responseCode));
    }
    expect(results.filter((c) => c === 250)).toHaveLength(RELAY_LIMITS.perToken.count);
    expect(results.filter((c) => c === 451)).toHaveLength(extra);
    expect(await messagesOf(w.lead.id)).toHaveLength(RELAY_LIMITS.perToken.count);
    expect((await logOf(w.lead.id)).filter((r) => r.outcome === "THROTTLED")).toHaveLength(extra);
  });

  it("emails the buyer's answer to the dealer's CRM address from the relay address, naming only the alias", async () => {
    const w = await world();
    await db.dealerCrmAddress.create({ data: { dealerId: w.dealer.id, email: `second-${w.crm}` } });
    const lead = await db.lead.findUniqueOrThrow({ where: { id: w.lead.id }, select: { buyerAlias: true } });
    const me = await callerAs(w.customer.id);
    await me.threads.send({ leadId: w.lead.id, body: "Can you hold it until Saturday?" });
    // Enqueued in the message's transaction.
    expect(await db.job.count({ where: { queue: RELAY_FORWARD_QUEUE } })).toBeGreaterThan(0);
    while ((await runDueJobs(20, [RELAY_FORWARD_QUEUE])) > 0);
    const sent = mail.sent.filter((m) => m.to.endsWith(w.crm));
    expect(sent.map((m) => m.to).sort()).toEqual([w.crm, `second-${w.crm}`]);
    for (const m of sent) {
      expect(m.from).toBe(w.address);
      expect(m.text).toContain("Can you hold it until Saturday?");
      expect(m.subject).toContain(lead.buyerAlias);
      expect(`${m.subject}${m.text}`).not.toContain(w.customer.email);
    }
    expect(await db.outboundEmail.count({ where: { from: w.address, sentAt: { not: null } } })).toBe(2);

    // A dealer without CRM addresses gets no email: nothing is queued.
    const plain = await makeDealer();
    const plainLead = await makeLead(w.request.id, plain.id);
    const queued = await db.job.count({ where: { queue: RELAY_FORWARD_QUEUE } });
    await me.threads.send({ leadId: plainLead.id, body: "Hello?" });
    expect(await db.job.count({ where: { queue: RELAY_FORWARD_QUEUE } })).toBe(queued);
  });
});
