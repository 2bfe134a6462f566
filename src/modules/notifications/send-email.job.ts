import { z } from "zod";
import { env } from "~/env.js";
import { db } from "~/server/db";
import { defineJob } from "~/server/jobs/define";
import { mailer } from "~/modules/notifications/mailer";
import { emailAllowed, preferencesOf } from "~/modules/notifications/preferences";

/**
 * Emails one in-app notification. Idempotent: the OutboundEmail row is keyed by the notification
 * (written before sending), so a retry after a crash re-sends only if the first send never finished.
 * Emails go only to the notified user's own address, from Keyturn: no dealer ever addresses a customer.
 */
export const sendNotificationEmail = defineJob({
  id: "notification.email",
  pool: "email",
  schema: z.object({ notificationId: z.string() }),
  maxAttempts: 5,
  backoffMs: 5_000,
  handler: async ({ notificationId }) => {
    const n = await db.notification.findUnique({
      where: { id: notificationId },
      select: { id: true, kind: true, title: true, body: true, link: true, user: { select: { id: true, email: true, disabled: true } } },
    });
    if (!n || n.user.disabled) return;
    if (!emailAllowed(await preferencesOf(n.user.id), n.kind)) return;

    const outbox = await db.outboundEmail.upsert({
      where: { id: `ntf_${n.id}` },
      create: {
        id: `ntf_${n.id}`,
        to: n.user.email,
        subject: n.title,
        text: `${n.body}\n\n${n.link ? `Open: ${env.NEXTAUTH_URL}${n.link}\n\n` : ""}You can change which emails you get under Notifications in Keyturn.`,
      },
      update: {},
      select: { id: true, to: true, subject: true, text: true, sentAt: true },
    });
    if (outbox.sentAt) return;
    try {
      await mailer().send({ to: outbox.to, subject: outbox.subject, text: outbox.text });
      await db.outboundEmail.update({ where: { id: outbox.id }, data: { sentAt: new Date(), error: null } });
    } catch (e) {
      await db.outboundEmail.update({ where: { id: outbox.id }, data: { error: (e instanceof Error ? e.message : String(e)).slice(0, 500) } });
      throw e;
    }
  },
});
