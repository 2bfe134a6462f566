import { z } from "zod";
import { customerProcedure, router } from "~/server/api/trpc";
import { COUNTER_KEY_MINUTES, createCounterKey } from "~/modules/consent/counter-key";
import { listAccessLog } from "~/modules/consent/list-access-log";
import { listMyData } from "~/modules/consent/list-my-data";
import { revokeGrant } from "~/modules/consent/revoke-grant";
import { DATA_READ_EVENT } from "~/modules/consent/read-customer-data";
import { liveStream, topics } from "~/server/realtime";
import { giveKeepInTouch } from "~/modules/keep-in-touch/give-keep-in-touch";
import { getKeepInTouchForDeal } from "~/modules/keep-in-touch/get-keep-in-touch";
import { revokeKeepInTouch } from "~/modules/keep-in-touch/revoke-keep-in-touch";
import { stopReturningBuyer } from "~/modules/garage/stop-returning-buyer";
import { ZDealRef, ZGiveKeepInTouchInput, ZKeepInTouchRef } from "~/modules/keep-in-touch/schemas";

const id = z.string().min(1).max(40);
const field = z.enum(["CONTACT", "ADDRESS", "INCOME", "CREDIT"]);

// The customer's keys (grants), counter keys, and the log of who read their data.
export const consentRouter = router({
  myData: customerProcedure.input(z.void()).query(({ ctx }) => listMyData(ctx.actor.userId)),
  revoke: customerProcedure.input(z.object({ grantId: id }).strict()).mutation(({ ctx, input }) => revokeGrant(ctx.actor.userId, input.grantId)),
  // The standing "keep in touch" grant a buyer gives the dealer they bought from.
  keepInTouch: customerProcedure.input(ZDealRef).query(({ ctx, input }) => getKeepInTouchForDeal({ actor: ctx.actor, ...input })),
  giveKeepInTouch: customerProcedure.input(ZGiveKeepInTouchInput).mutation(({ ctx, input }) => giveKeepInTouch({ actor: ctx.actor, ...input })),
  revokeKeepInTouch: customerProcedure.input(ZKeepInTouchRef).mutation(({ ctx, input }) => revokeKeepInTouch({ actor: ctx.actor, ...input })),
  // A request's "tell dealers I've bought through Keyturn before", taken back from My data.
  stopReturningBuyer: customerProcedure.input(z.object({ requestId: id }).strict()).mutation(({ ctx, input }) => stopReturningBuyer(ctx.actor.userId, input.requestId)),
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
  // Someone just read this customer's data: only their own topic, the id comes from the session.
  live: customerProcedure.input(z.void()).subscription(async function* ({ ctx, signal }) {
    for await (const e of liveStream(topics.user(ctx.actor.userId), signal)) if (e.type === DATA_READ_EVENT) yield e;
  }),
  accessLog: customerProcedure
    // tRPC's infinite queries add `direction`; we only page forward.
    .input(z.object({ who: id.optional(), field: field.optional(), cursor: id.optional(), direction: z.enum(["forward", "backward"]).optional() }).strict())
    .query(({ ctx, input }) => listAccessLog(ctx.actor.userId, { who: input.who, field: input.field, cursor: input.cursor })),
});
