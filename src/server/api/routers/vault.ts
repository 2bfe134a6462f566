import { z } from "zod";
import { customerProcedure, router } from "~/server/api/trpc";
import { getMyProfile } from "~/modules/vault/get-my-profile";
import { profileInput, selfReportInput, softPullInput } from "~/modules/vault/profile-schema";
import { saveProfile } from "~/modules/vault/save-profile";
import { setSelfReportedCredit } from "~/modules/vault/set-self-reported-credit";
import { requestSoftPull } from "~/modules/vault/soft-pull";

// The customer's own vault: profile, income, credit.
export const vaultRouter = router({
  profile: customerProcedure.input(z.void()).query(({ ctx }) => getMyProfile(ctx.actor.userId)),
  save: customerProcedure.input(profileInput).mutation(({ ctx, input }) => saveProfile(ctx.actor.userId, input)),
  selfReport: customerProcedure.input(selfReportInput).mutation(({ ctx, input }) => setSelfReportedCredit(ctx.actor.userId, input.tier)),
  softPull: customerProcedure.input(softPullInput).mutation(({ ctx, input }) => requestSoftPull(ctx.actor.userId, input)),
});
