import { z } from "zod";

const id = z.string().min(1).max(40);
export const ZLeadRef = z.object({ leadId: id }).strict();
/** The leads whose unread badges a dealer's board shows: its loaded pages of 50, up to 20 of them. */
export const ZUnreadForLeads = z.object({ leadIds: z.array(id).max(1000, "Ask for at most 1,000 leads at a time.") }).strict();
export const ZSendMessageInput = z
  .object({
    leadId: id,
    body: z.string().trim().min(1, "Write a message first.").max(2000, "Keep it under 2,000 characters."),
    // The buyer saw the warning that the message holds contact details, and chose to send it as written.
    shareContact: z.boolean().optional(),
  })
  .strict();
export type TSendMessageInput = z.infer<typeof ZSendMessageInput>;
/** A dealer's message may name a keep-in-touch topic: it must, when it starts a conversation after delivery. */
export const ZDealerSendMessageInput = z
  .object({
    leadId: id,
    body: z.string().trim().min(1, "Write a message first.").max(2000, "Keep it under 2,000 characters."),
    topic: z.enum(["SERVICE", "RECALLS", "TRADE_IN_OFFERS"]).optional(),
  })
  .strict();
export type TDealerSendMessageInput = z.infer<typeof ZDealerSendMessageInput>;
export const ZSetDealerBlockInput = z.object({ leadId: id, kind: z.enum(["MUTE", "BLOCK"]).nullable() }).strict();
export type TSetDealerBlockInput = z.infer<typeof ZSetDealerBlockInput>;
