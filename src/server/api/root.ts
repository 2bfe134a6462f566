import { createCallerFactory, router } from "~/server/api/trpc";
import { authRouter } from "~/server/api/routers/auth";
import { adminRouter } from "~/server/api/routers/admin";

// One sub-router per area. Each procedure declares who may call it (see trpc.ts, Policy).
export const appRouter = router({
  auth: authRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
