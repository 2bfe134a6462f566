import type { RelayOutcome } from "~/generated/prisma/enums";
import { db } from "~/server/db";

export const RELAY_LOG_SIZE = 20;

// The details receive-relay-reply.ts logs, as the dealer should read them.
function contentReason(detail: string | null): string {
  if (!detail) return "the content could not be posted";
  if (/attachment/.test(detail)) return "it had attachments; reply with text only";
  if (/Auto-Submitted/.test(detail)) return "it was an automatic reply (out of office or an acknowledgement)";
  if (/no reply text/.test(detail)) return "no reply text was found above the quoted message";
  if (/keep-in-touch/.test(detail)) return "after delivery an email can only answer the buyer; start a conversation on Keyturn, under the buyer's keep-in-touch grant";
  return detail;
}

/** What happened to an emailed reply, in the dealer's words; `detail` is the logged reason where there is one. */
export function relayOutcomeText(outcome: RelayOutcome, detail: string | null): string {
  switch (outcome) {
    case "ACCEPTED":
      return "Posted to the buyer's thread.";
    case "REJECTED_SENDER":
      return "Refused: it was not sent from one of your CRM addresses.";
    case "CLOSED":
      return `Refused: ${detail === "the buyer blocked this dealer" ? "the buyer is not accepting messages from you" : "the lead had closed"}.`;
    case "THROTTLED":
      return "Held back: too many messages to this lead at once. The sending mail server tries again later.";
    case "TOO_LARGE":
      return "Refused: the message was too large.";
    case "REJECTED_CONTENT":
      return `Refused: ${contentReason(detail)}.`;
    case "UNKNOWN_TOKEN":
      return "Refused: not a lead address.";
  }
}

/**
 * The dealer's last emailed replies to its lead addresses and what became of each, newest first, so a
 * refused reply is not only a bounce in some mailbox. Reads the dealer's own rows by
 * (dealerId, createdAt). A refused sender's address is not shown: it may be anyone's.
 */
export async function listRelayReplies(dealerId: string) {
  const rows = await db.relayInbound.findMany({
    where: { dealerId },
    orderBy: { createdAt: "desc" },
    take: RELAY_LOG_SIZE,
    select: { id: true, outcome: true, detail: true, fromHeader: true, mailFrom: true, createdAt: true, leadId: true },
  });
  const leadIds = [...new Set(rows.flatMap((r) => (r.leadId ? [r.leadId] : [])))];
  const leads = leadIds.length ? await db.lead.findMany({ where: { id: { in: leadIds }, dealerId }, select: { id: true, buyerAlias: true } }) : [];
  const alias = new Map(leads.map((l) => [l.id, l.buyerAlias]));
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt,
    leadId: r.leadId,
    buyerAlias: (r.leadId && alias.get(r.leadId)) ?? null,
    outcome: r.outcome,
    text: relayOutcomeText(r.outcome, r.detail),
    from: r.outcome === "REJECTED_SENDER" ? null : (r.fromHeader ?? r.mailFrom),
  }));
}
