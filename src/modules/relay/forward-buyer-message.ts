import { z } from "zod";
import { db, type Tx } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { enqueue } from "~/server/jobs/queue";
import { mailer } from "~/modules/notifications/mailer";
import { ensureRelayToken, relayAddress } from "~/modules/crm/relay-address";

export const RELAY_FORWARD_QUEUE = "relay.forward-buyer-message";

/**
 * Called in the transaction that stores the buyer's message: only a dealer with CRM addresses gets it by
 * email, and the job exists only if the message does.
 */
export async function enqueueRelayForward(tx: Tx, dealerId: string, leadId: string, messageId: string) {
  const addresses = await tx.dealerCrmAddress.count({ where: { dealerId } });
  if (addresses === 0) return;
  // The token is made here, not in the job, so the From address is fixed when the message is.
  await ensureRelayToken(tx, leadId);
  await enqueue(tx, RELAY_FORWARD_QUEUE, { messageId });
}

/**
 * Emails a buyer's message to each of the dealer's CRM addresses, from the lead's relay address, so the
 * dealer answers by replying and the reply comes back to the thread (src/server/relay). The buyer is named
 * only by their alias; the dealer never sees their address. One OutboundEmail row per address, keyed by
 * message and address and written before sending: a retry re-sends only what never went.
 */
export const forwardBuyerMessageJob = defineJob({
  id: RELAY_FORWARD_QUEUE,
  pool: "email",
  schema: z.object({ messageId: z.string() }),
  maxAttempts: 5,
  backoffMs: 5_000,
  handler: async ({ messageId }) => {
    const m = await db.message.findUnique({
      where: { id: messageId },
      select: {
        id: true,
        senderType: true,
        body: true,
        thread: { select: { lead: { select: { buyerAlias: true, relay: { select: { token: true } }, dealer: { select: { name: true, crmAddresses: { select: { email: true }, orderBy: { email: "asc" } } } } } } } },
      },
    });
    if (!m || m.senderType !== "CUSTOMER" || !m.thread.lead.relay) return;
    const { lead } = m.thread;
    const from = relayAddress(lead.relay!.token);
    const subject = `Keyturn: new message from ${lead.buyerAlias}`;
    const text = `${m.body}\n\n-- \nReply to this email to answer ${lead.buyerAlias} on Keyturn. Only the text above the quoted message is sent; attachments are not accepted.`;
    for (const { email } of lead.dealer.crmAddresses) {
      const id = `relay_${m.id}_${email}`.slice(0, 200);
      const outbox = await db.outboundEmail.upsert({
        where: { id },
        create: { id, from, to: email, subject, text },
        update: {},
        select: { id: true, from: true, to: true, subject: true, text: true, sentAt: true },
      });
      if (outbox.sentAt) continue;
      try {
        await mailer().send({ from: outbox.from ?? from, to: outbox.to, subject: outbox.subject, text: outbox.text });
        await db.outboundEmail.update({ where: { id: outbox.id }, data: { sentAt: new Date(), error: null } });
      } catch (e) {
        await db.outboundEmail.update({ where: { id: outbox.id }, data: { error: (e instanceof Error ? e.message : String(e)).slice(0, 500) } });
        throw e;
      }
    }
  },
});
