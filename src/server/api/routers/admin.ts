import { z } from "zod";
import { adminProcedure, router } from "~/server/api/trpc";
import { listOrganisations, listUsers, marketMetrics, setUserAccess, setVerified } from "~/modules/admin/manage-users";

export const adminRouter = router({
  metrics: adminProcedure.input(z.void()).query(() => marketMetrics()),
  users: adminProcedure.input(z.object({ query: z.string().max(100).optional() }).strict()).query(({ input }) => listUsers(input)),
  setUserAccess: adminProcedure
    .input(z.object({ userId: z.string().max(40), disabled: z.boolean().optional(), role: z.enum(["CUSTOMER", "DEALER", "LENDER", "ADMIN"]).optional() }).strict())
    .mutation(({ input }) => setUserAccess(input)),
  organisations: adminProcedure.input(z.void()).query(() => listOrganisations()),
  setVerified: adminProcedure
    .input(z.object({ kind: z.enum(["dealer", "lender"]), id: z.string().max(40), verified: z.boolean() }).strict())
    .mutation(({ input }) => setVerified(input)),
});
