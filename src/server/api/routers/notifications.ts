import { z } from "zod";
import { adminProcedure, authenticatedProcedure, router } from "~/server/api/trpc";
import { liveStream, topics } from "~/server/realtime";
import { listNotifications, listOutboundEmails, markNotificationsRead, unreadNotificationCount } from "~/modules/notifications/list-notifications";
import { getPreferences, updatePreferences, ZPreferencesInput } from "~/modules/notifications/preferences";

export const notificationsRouter = router({
  list: authenticatedProcedure.input(z.void()).query(({ ctx }) => listNotifications({ actor: ctx.actor })),
  unreadCount: authenticatedProcedure.input(z.void()).query(({ ctx }) => unreadNotificationCount({ actor: ctx.actor })),
  markRead: authenticatedProcedure
    .input(z.object({ id: z.string().min(1).max(40).optional() }).strict())
    .mutation(({ ctx, input }) => markNotificationsRead({ actor: ctx.actor, ...input })),
  preferences: authenticatedProcedure.input(z.void()).query(({ ctx }) => getPreferences({ actor: ctx.actor })),
  updatePreferences: authenticatedProcedure.input(ZPreferencesInput).mutation(({ ctx, input }) => updatePreferences({ actor: ctx.actor, ...input })),
  // Only the caller's own topic: the id comes from the session, never from input.
  live: authenticatedProcedure.input(z.void()).subscription(async function* ({ ctx, signal }) {
    for await (const e of liveStream(topics.user(ctx.actor.userId), signal)) yield e;
  }),
  mailSink: adminProcedure.input(z.void()).query(() => listOutboundEmails()),
});
