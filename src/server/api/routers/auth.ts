import { z } from "zod";
import { authenticatedProcedure, publicProcedure, router } from "~/server/api/trpc";
import { ZAddStaffInput, ZEmail, ZPassword, ZSignUpInput } from "~/modules/accounts/schemas";
import { requestPasswordReset } from "~/modules/accounts/request-password-reset";
import { resetPassword } from "~/modules/accounts/reset-password";
import { clientIp } from "~/server/client-ip";
import { signUp } from "~/modules/accounts/sign-up";
import { addStaff, listStaff } from "~/modules/accounts/add-staff";
import { homeFor } from "~/server/auth/session";

export const authRouter = router({
  signUp: publicProcedure.input(ZSignUpInput).mutation(async ({ input }) => {
    const user = await signUp(input);
    return { home: homeFor[user.role] };
  }),
  me: publicProcedure.input(z.void()).query(({ ctx }) =>
    ctx.actor ? { name: ctx.actor.name, email: ctx.actor.email, role: ctx.actor.role, orgRole: ctx.actor.orgRole, home: homeFor[ctx.actor.role] } : null,
  ),
  requestPasswordReset: publicProcedure
    .input(z.object({ email: ZEmail }).strict())
    .mutation(({ ctx, input }) => requestPasswordReset({ email: input.email, ip: clientIp(ctx.headers) })),
  resetPassword: publicProcedure
    .input(z.object({ token: z.string().max(100), password: ZPassword }).strict())
    .mutation(({ input }) => resetPassword(input)),
  staff: authenticatedProcedure.input(z.void()).query(({ ctx }) => listStaff({ actor: ctx.actor })),
  addStaff: authenticatedProcedure.input(ZAddStaffInput).mutation(({ ctx, input }) => addStaff({ actor: ctx.actor, ...input })),
});
