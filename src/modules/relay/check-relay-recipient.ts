import { env } from "~/env.js";
import { db } from "~/server/db";
import { hitRateLimit } from "~/server/rate-limit";
import { leadForDealerOrThrow, threadOpen } from "~/modules/messaging/access";
import { normalizeAddress, parseRelayAddress } from "./address";
import { logInbound, refuse, type SmtpRefusal } from "./log-inbound";

// A dealer's CRM answers a handful of messages a minute on one lead; a loop between two autoresponders
// or a script does hundreds. Per sender the limit is wider: one CRM mailbox answers many leads.
export const RELAY_LIMITS = { perToken: { count: 10, windowSeconds: 60 }, perSender: { count: 60, windowSeconds: 60 } };

/**
 * The thread's rule, and one more: a dealer that passed on a lead has said it will not serve this buyer,
 * so an emailed reply (often an autoresponder's) is bounced rather than posted.
 */
export const relayOpen = (lead: Parameters<typeof threadOpen>[0]) => threadOpen(lead) && lead.status !== "PASSED";

export type RelayRecipient = { ok: true; token: string; leadId: string; dealerId: string; crmAddresses: string[] };

export const CLOSED_MESSAGE =
  "5.7.1 This Keyturn lead has closed (the buyer's request ended or the lead was closed or passed); your reply was not delivered to the buyer.";

/**
 * The RCPT TO check of the inbound relay: is this one of our lead addresses, may this sender answer for
 * the lead's dealer, is the lead still open, and is the sender within its limits. Every refusal of a lead
 * address is logged; a recipient that is not a lead address at all is refused without a row (spam to
 * random names would only fill the table).
 *
 * No SPF or DKIM here (the relay has no DNS to ask): the sender is trusted when the envelope MAIL FROM is
 * one of the dealer's registered CRM addresses, and receive-relay-reply.ts asks the same of the From
 * header. Behind a real MX, put SPF/DKIM/DMARC verification in front (the MX's milter) and pass only
 * aligned mail on.
 */
export async function checkRelayRecipient({ mailFrom, rcpt }: { mailFrom: string; rcpt: string }): Promise<RelayRecipient | SmtpRefusal> {
  const token = parseRelayAddress(rcpt, env.RELAY_DOMAIN);
  if (!token) return refuse(550, "5.1.1 No such mailbox here: this server takes replies to Keyturn lead addresses only.");
  const sender = normalizeAddress(mailFrom);
  const relay = await db.leadRelay.findUnique({
    where: { token },
    select: { leadId: true, lead: { select: { dealerId: true, dealer: { select: { crmAddresses: { select: { email: true } } } } } } },
  });
  if (!relay) {
    await logInbound({ token, mailFrom: sender, outcome: "UNKNOWN_TOKEN" });
    return refuse(550, "5.1.1 No such mailbox here.");
  }
  const crmAddresses = relay.lead.dealer.crmAddresses.map((a) => a.email);
  const base = { token, leadId: relay.leadId, dealerId: relay.lead.dealerId, mailFrom: sender };
  if (!sender || !crmAddresses.includes(sender)) {
    await logInbound({ ...base, outcome: "REJECTED_SENDER", detail: "envelope sender is not one of the dealer's CRM addresses" });
    return refuse(550, "5.7.1 This sender may not reply to this lead: send from the CRM address registered with Keyturn.");
  }
  const lead = await leadForDealerOrThrow(relay.lead.dealerId, relay.leadId);
  if (!relayOpen(lead)) {
    await logInbound({ ...base, outcome: "CLOSED", detail: `lead ${lead.status}, request ${lead.request.status}` });
    return refuse(550, CLOSED_MESSAGE);
  }
  // Both counters count every attempt, so a flood stays refused while it lasts.
  const [byToken, bySender] = await Promise.all([
    hitRateLimit(`relay:token:${token}`, RELAY_LIMITS.perToken.count, RELAY_LIMITS.perToken.windowSeconds),
    hitRateLimit(`relay:sender:${sender}`, RELAY_LIMITS.perSender.count, RELAY_LIMITS.perSender.windowSeconds),
  ]);
  if (!byToken.allowed || !bySender.allowed) {
    const wait = Math.max(byToken.allowed ? 0 : byToken.retryAfterSeconds, bySender.allowed ? 0 : bySender.retryAfterSeconds);
    await logInbound({ ...base, outcome: "THROTTLED", detail: byToken.allowed ? "per sender" : "per lead" });
    // 4xx: the sender's mail server keeps the message and tries again later, so nothing is lost to a burst.
    return refuse(451, `4.7.1 Too many messages to this lead; try again in ${wait} seconds.`);
  }
  return { ok: true, token, leadId: relay.leadId, dealerId: relay.lead.dealerId, crmAddresses };
}
