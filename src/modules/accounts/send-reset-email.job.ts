import { z } from "zod";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { mailer } from "~/modules/notifications/mailer";

/**
 * Sends a password-reset email written by request-password-reset.ts. Idempotent: a sent row is not
 * sent again. Once a real transport has it, the link is removed from the stored copy, so the outbox
 * (which admins can read) never holds a usable token; with the log transport the row is the inbox.
 */
export const sendResetEmailJob = defineJob({
  id: "account.password-reset-email",
  schema: z.object({ outboundEmailId: z.string() }),
  maxAttempts: 5,
  backoffMs: 5_000,
  handler: async ({ outboundEmailId }) => {
    const mail = await db.outboundEmail.findUnique({ where: { id: outboundEmailId }, select: { id: true, to: true, subject: true, text: true, sentAt: true } });
    if (!mail || mail.sentAt) return;
    const transport = mailer();
    try {
      await transport.send({ to: mail.to, subject: mail.subject, text: mail.text });
    } catch (e) {
      await db.outboundEmail.update({ where: { id: mail.id }, data: { error: (e instanceof Error ? e.message : String(e)).slice(0, 500) } });
      throw e;
    }
    const text = transport.kind === "log" ? mail.text : mail.text.replace(/token=[A-Za-z0-9_-]+/g, "token=[removed after sending]");
    await db.outboundEmail.update({ where: { id: mail.id }, data: { sentAt: new Date(), error: null, text } });
  },
});
