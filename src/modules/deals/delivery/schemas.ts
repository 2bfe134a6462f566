import { z } from "zod";

const cents = z.number({ error: "Enter an amount." }).int("Use whole cents.").min(0, "Cannot be negative.").max(50_000_000, "That amount is too high.");
const id = z.string().min(1).max(40);

export const FINANCING_USED = ["PRE_APPROVAL", "OTHER_LENDER", "DEALER_ARRANGED", "CASH"] as const;
export const financingUsedLabel: Record<(typeof FINANCING_USED)[number], string> = {
  PRE_APPROVAL: "The pre-approval the buyer accepted with",
  OTHER_LENDER: "Another lender",
  DEALER_ARRANGED: "Financing the dealer arranged",
  CASH: "Cash (no financing)",
};

export const recordDeliveryInput = z
  .object({
    dealId: id,
    deliveredOn: z.coerce.date({ error: "Pick the delivery date." }),
    vehiclePriceCents: cents.min(100_000, "Enter the vehicle price."),
    feesCents: cents,
    addOnsCents: cents,
    incentivesCents: cents,
    taxCents: cents,
    tradeInOfferCents: cents,
    financingUsed: z.enum(FINANCING_USED, { error: "Say how the car was paid for." }),
    // Optional: only the dealer's own analytics read it; the buyer never sees it.
    grossProfitCents: z.number().int("Use whole cents.").min(-50_000_000).max(50_000_000).nullish(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const day = 86_400_000;
    if (v.deliveredOn.getTime() > Date.now() + day) ctx.addIssue({ code: "custom", path: ["deliveredOn"], message: "The delivery date cannot be in the future." });
    if (v.incentivesCents > v.vehiclePriceCents + v.feesCents + v.addOnsCents) ctx.addIssue({ code: "custom", path: ["incentivesCents"], message: "Incentives cannot exceed the price." });
  });

export const notDeliveredInput = z.object({ dealId: id, reason: z.string().trim().min(5, "Say why, in a few words.").max(500, "Keep it under 500 characters.") }).strict();

export const answerDeliveryInput = z.discriminatedUnion("answer", [
  z.object({ dealId: id, answer: z.literal("CONFIRM") }).strict(),
  z.object({ dealId: id, answer: z.literal("DISPUTE"), reason: z.string().trim().min(10, "Say what is wrong, in a sentence or two.").max(1000, "Keep it under 1,000 characters.") }).strict(),
]);

export type RecordDeliveryInput = z.infer<typeof recordDeliveryInput>;
export type NotDeliveredInput = z.infer<typeof notDeliveredInput>;
export type AnswerDeliveryInput = z.infer<typeof answerDeliveryInput>;
