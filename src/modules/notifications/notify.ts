import type { Tx } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { publish, topics } from "~/server/realtime";

export type NotifyInput = { userId: string; kind: string; title: string; body: string; link?: string; email?: boolean };

/**
 * Tells a user something, inside the transaction that made it true: an in-app notification, a live
 * event for open pages, and (unless opted out, checked by the job) an email through the outbox.
 */
export async function notify(tx: Tx, input: NotifyInput) {
  const n = await tx.notification.create({
    data: { userId: input.userId, kind: input.kind, title: input.title, body: input.body, link: input.link },
    select: { id: true },
  });
  await publish({ topic: topics.user(input.userId), type: "notification", id: n.id }, tx);
  if (input.email !== false) await enqueue(tx, "notification.email", { notificationId: n.id });
  return n.id;
}
