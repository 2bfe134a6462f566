import { db } from "~/server/db";
import type { Actor } from "~/server/auth/session";
import { publish, topics } from "~/server/realtime";
import { COUNT_CAP } from "~/lib/counts";

const select = { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

export async function listNotifications({ actor, limit = 50 }: { actor: Actor; limit?: number }) {
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where: { userId: actor.userId }, select, orderBy: { createdAt: "desc" }, take: limit }),
    unreadNotificationCount({ actor }),
  ]);
  return { items, unread };
}

/** Unread notifications, counted up to COUNT_CAP (the bell shows "99+"), from the unread-only index. */
export async function unreadNotificationCount({ actor }: { actor: Actor }) {
  // Raw: Prisma's count with `take` adds ORDER BY id, which walked the primary key instead (264 ms at L).
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Notification" WHERE "userId" = ${actor.userId} AND "readAt" IS NULL LIMIT ${COUNT_CAP}) x`;
  return rows[0]!.n;
}

/** Marks one (or, without an id, all) of the caller's notifications read; someone else's id matches nothing. */
export async function markNotificationsRead({ actor, id }: { actor: Actor; id?: string }) {
  const { count } = await db.notification.updateMany({ where: { userId: actor.userId, readAt: null, ...(id ? { id } : {}) }, data: { readAt: new Date() } });
  if (count > 0) await publish({ topic: topics.user(actor.userId), type: "notification.read" });
  return { marked: count };
}

/** The development mail sink: what the product "sent", newest first. */
export async function listOutboundEmails({ limit = 100 }: { limit?: number } = {}) {
  return db.outboundEmail.findMany({ select: { id: true, from: true, to: true, subject: true, text: true, sentAt: true, error: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: limit });
}
