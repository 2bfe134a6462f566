import { z } from "zod";

const id = z.string().min(1).max(40);
export const ZKeepInTouchTopic = z.enum(["SERVICE", "RECALLS", "TRADE_IN_OFFERS"]);
export const ZKeepInTouchPeriod = z.enum(["WEEK", "MONTH", "QUARTER"]);

export const ZGiveKeepInTouchInput = z
  .object({
    dealId: id,
    topics: z.array(ZKeepInTouchTopic).min(1, "Choose at least one topic.").max(3),
    capCount: z.number().int().min(1, "Allow at least 1 message.").max(4, "Allow at most 4 messages."),
    capPeriod: ZKeepInTouchPeriod,
    // The last day the dealer may write, as the date input gives it (YYYY-MM-DD, read as a UTC day).
    lastDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the last day."),
  })
  .strict();
export type TGiveKeepInTouchInput = z.infer<typeof ZGiveKeepInTouchInput>;

export const ZKeepInTouchRef = z.object({ grantId: id }).strict();
export const ZDealRef = z.object({ dealId: id }).strict();
