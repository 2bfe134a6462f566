import { createCallerFactory, router } from "~/server/api/trpc";
import { authRouter } from "~/server/api/routers/auth";
import { adminRouter } from "~/server/api/routers/admin";
import { requestsRouter } from "~/server/api/routers/requests";
import { dealerRouter } from "~/server/api/routers/dealer";
import { inboxRouter } from "~/server/api/routers/inbox";
import { threadsRouter } from "~/server/api/routers/threads";
import { notificationsRouter } from "~/server/api/routers/notifications";
import { vaultRouter } from "~/server/api/routers/vault";
import { consentRouter } from "~/server/api/routers/consent";
import { lendingRouter } from "~/server/api/routers/lending";
import { inventoryRouter } from "~/server/api/routers/inventory";
import { dealerSettingsRouter } from "~/server/api/routers/dealer-settings";
import { deliveryRouter } from "~/server/api/routers/delivery";
import { crmRouter } from "~/server/api/routers/crm";
import { analyticsRouter } from "~/server/api/routers/analytics";
import { garageRouter } from "~/server/api/routers/garage";
import { ratingsRouter } from "~/server/api/routers/ratings";

// One sub-router per area. Each procedure declares who may call it (see trpc.ts, Policy).
export const appRouter = router({
  vault: vaultRouter,
  consent: consentRouter,
  auth: authRouter,
  admin: adminRouter,
  requests: requestsRouter,
  dealer: dealerRouter,
  inbox: inboxRouter,
  threads: threadsRouter,
  notifications: notificationsRouter,
  lending: lendingRouter,
  inventory: inventoryRouter,
  dealerSettings: dealerSettingsRouter,
  delivery: deliveryRouter,
  crm: crmRouter,
  analytics: analyticsRouter,
  garage: garageRouter,
  ratings: ratingsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
