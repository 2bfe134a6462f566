import { z } from "zod";
import { authenticatedProcedure, publicProcedure, router } from "~/server/api/trpc";
import { ZAddStaffInput, ZSignUpInput } from "~/modules/accounts/schemas";
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
  staff: authenticatedProcedure.input(z.void()).query(({ ctx }) => listStaff({ actor: ctx.actor })),
  addStaff: authenticatedProcedure.input(ZAddStaffInput).mutation(({ ctx, input }) => addStaff({ actor: ctx.actor, ...input })),
});
