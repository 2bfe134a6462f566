import { db } from "~/server/db";
import { AppError, isUniqueViolation } from "~/server/errors";
import { leadForDealerOrThrow } from "~/modules/messaging/access";
import { postDealerMessage } from "~/modules/messaging/send-message";
import { extractReply } from "./extract-reply";
import { normalizeAddress } from "./address";
import { CLOSED_MESSAGE, relayOpen, type RelayRecipient } from "./check-relay-recipient";
import { logInbound, refuse, type SmtpRefusal } from "./log-inbound";

// The thread's own limit (ZSendMessageInput): a longer emailed reply is cut there rather than refused.
const MAX_BODY = 2000;

export type InboundMail = {
  mailFrom: string; fromHeader: string | null; text: string; attachments: number; tooLarge: boolean; autoSubmitted: boolean;
  /** The Message-ID header, when the mail has one: a resend of an accepted mail is not posted again. */
  mailMessageId?: string | null;
};

const MAX_MESSAGE_ID = 300;

/** The thread message an earlier delivery of this same mail became, if it was accepted. */
async function alreadyPosted(leadId: string, mailMessageId: string | null) {
  if (!mailMessageId) return null;
  const row = await db.relayInbound.findFirst({ where: { leadId, mailMessageId, outcome: "ACCEPTED" }, select: { messageId: true } });
  return row?.messageId ?? null;
}

/**
 * The DATA stage of the relay: the parsed mail for a recipient checkRelayRecipient accepted. The reply is
 * posted as the dealer (no user: the dealer's CRM mailbox), with the same rules and live events as a
 * message typed on the dealer's lead page (postDealerMessage).
 */
export async function receiveRelayReply(rcpt: RelayRecipient, mail: InboundMail): Promise<{ ok: true; messageId: string } | SmtpRefusal> {
  const fromHeader = mail.fromHeader ? normalizeAddress(mail.fromHeader) : null;
  const base = { token: rcpt.token, leadId: rcpt.leadId, dealerId: rcpt.dealerId, mailFrom: normalizeAddress(mail.mailFrom), fromHeader };
  const mailMessageId = mail.mailMessageId?.trim().slice(0, MAX_MESSAGE_ID) || null;
  if (mail.tooLarge) {
    await logInbound({ ...base, outcome: "TOO_LARGE" });
    return refuse(552, "5.3.4 Message too big for a Keyturn lead reply.");
  }
  if (!fromHeader || !rcpt.crmAddresses.includes(fromHeader)) {
    await logInbound({ ...base, outcome: "REJECTED_SENDER", detail: "From header is not one of the dealer's CRM addresses" });
    return refuse(550, "5.7.1 This sender may not reply to this lead: send from the CRM address registered with Keyturn.");
  }
  if (mail.attachments > 0) {
    await logInbound({ ...base, outcome: "REJECTED_CONTENT", detail: `${mail.attachments} attachment(s)` });
    return refuse(550, "5.6.1 Attachments are not accepted: reply with text only.");
  }
  // An out-of-office or CRM auto-acknowledgement (RFC 3834 Auto-Submitted) answers every forwarded buyer
  // message; posted, it would read to the buyer as the dealer talking. Refused, the dealer's CRM keeps it.
  if (mail.autoSubmitted) {
    await logInbound({ ...base, outcome: "REJECTED_CONTENT", detail: "automatic reply (Auto-Submitted)" });
    return refuse(550, "5.7.1 Automatic replies are not posted to the buyer's thread.");
  }
  let body = extractReply(mail.text);
  if (!body) {
    await logInbound({ ...base, outcome: "REJECTED_CONTENT", detail: "no reply text above the quoted message" });
    return refuse(550, "5.6.0 No reply text found above the quoted message.");
  }
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY - 1)}…`;
  // A retry of a mail already in the thread: answer as the first time, post nothing.
  const posted = await alreadyPosted(rcpt.leadId, mailMessageId);
  if (posted) return { ok: true, messageId: posted };

  const result = await db.$transaction(async (tx) => {
    // Read again inside the transaction: the lead may have closed between RCPT and the end of DATA.
    const lead = await leadForDealerOrThrow(rcpt.dealerId, rcpt.leadId, tx);
    if (!relayOpen(lead)) return "CLOSED" as const;
    const block = await tx.dealerBlock.findUnique({ where: { customerId_dealerId: { customerId: lead.request.customerId, dealerId: rcpt.dealerId } }, select: { kind: true } });
    if (block?.kind === "BLOCK") return "BLOCKED" as const;
    const message = await postDealerMessage(tx, lead, null, body, block?.kind ?? null);
    await logInbound({ ...base, outcome: "ACCEPTED", messageId: message.id, mailMessageId }, tx);
    return message;
  }).catch(async (e: unknown) => {
    // Two deliveries of one mail at once: the unique (lead, Message-ID) index let one post; this one rolled back.
    if (isUniqueViolation(e)) {
      const first = await alreadyPosted(rcpt.leadId, mailMessageId);
      if (first) return { id: first };
    }
    // After delivery a message the dealer starts needs the buyer's keep-in-touch grant (postDealerMessage);
    // an email names no topic, so only an answer to the buyer passes. The refusal goes back to the sender.
    if (e instanceof AppError && e.code === "BAD_REQUEST") return { refused: e.message };
    throw e;
  });
  if (typeof result === "object" && "refused" in result) {
    await logInbound({ ...base, outcome: "REJECTED_CONTENT", detail: "not an answer, and no keep-in-touch grant allows it" });
    return refuse(550, `5.7.1 ${result.refused} Reply on Keyturn to name a topic the buyer agreed to.`);
  }
  if (result === "CLOSED") {
    await logInbound({ ...base, outcome: "CLOSED", detail: "closed during delivery" });
    return refuse(550, CLOSED_MESSAGE);
  }
  if (result === "BLOCKED") {
    await logInbound({ ...base, outcome: "CLOSED", detail: "the buyer blocked this dealer" });
    return refuse(550, "5.7.1 This buyer is not accepting messages from your dealership.");
  }
  return { ok: true, messageId: result.id };
}
