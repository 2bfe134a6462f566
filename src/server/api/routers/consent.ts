import { z } from "zod";
import { customerProcedure, router } from "~/server/api/trpc";
import { COUNTER_KEY_MINUTES, createCounterKey } from "~/modules/consent/counter-key";
import { listAccessLog } from "~/modules/consent/list-access-log";
import { listMyData } from "~/modules/consent/list-my-data";
import { revokeGrant } from "~/modules/consent/revoke-grant";

const id = z.string().min(1).max(40);
const field = z.enum(["CONTACT", "ADDRESS", "INCOME", "CREDIT"]);

// The customer's keys (grants), counter keys, and the log of who read their data.
export const consentRouter = router({
  myData: customerProcedure.input(z.void()).query(({ ctx }) => listMyData(ctx.actor.userId)),
  revoke: customerProcedure.input(z.object({ grantId: id }).strict()).mutation(({ ctx, input }) => revokeGrant(ctx.actor.userId, input.grantId)),
  createCounterKey: customerProcedure
    .input(
      z
        .object({
          dealId: id,
          fields: z.array(field).min(1, "Choose at least one thing to share").max(4),
          minutes: z.number().int().refine((m) => (COUNTER_KEY_MINUTES as readonly number[]).includes(m), "Choose 15, 30 or 60 minutes"),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => createCounterKey(ctx.actor.userId, input)),
  accessLog: customerProcedure
    .input(z.object({ who: id.optional(), field: field.optional(), cursor: id.optional() }).strict())
    .query(({ ctx, input }) => listAccessLog(ctx.actor.userId, input)),
});
