import { z } from "zod";

export const ZAcceptQuoteInput = z
  .object({
    quoteId: z.string().min(1).max(40),
    // The quote version the customer saw; a revision since then makes the accept fail.
    version: z.number().int().min(1),
    preApprovalId: z.string().min(1).max(40).nullish(),
  })
  .strict();
export type TAcceptQuoteInput = z.infer<typeof ZAcceptQuoteInput>;
