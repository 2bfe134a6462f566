import { z } from "zod";

/** The most a dealer may set as a default; a quote can still carry more, typed by hand. */
export const QUOTE_DEFAULT_LIMITS = { docFeeCents: 500_000, addOnsCents: 2_000_000, taxRateBps: 2_000, validDaysMin: 1, validDaysMax: 60 } as const;

const cents = (max: number, maxText: string) =>
  z.number({ error: "Enter an amount, or 0." }).int("Use whole cents.").min(0, "Must be zero or more.").max(max, `At most ${maxText}.`);

export const updateQuoteDefaultsInput = z
  .object({
    docFeeCents: cents(QUOTE_DEFAULT_LIMITS.docFeeCents, "$5,000"),
    addOnsCents: cents(QUOTE_DEFAULT_LIMITS.addOnsCents, "$20,000"),
    addOnsLabel: z.string().trim().max(60, "Keep it under 60 characters.").nullable(),
    // null: use the state table's rate.
    taxRateBps: z.number({ error: "Enter a rate like 8.25, or leave it empty." }).int().min(0, "Must be zero or more.").max(QUOTE_DEFAULT_LIMITS.taxRateBps, "At most 20%.").nullable(),
    quoteValidDays: z.number({ error: "Enter a number of days." }).int("Whole days only.").min(QUOTE_DEFAULT_LIMITS.validDaysMin, "At least 1 day.").max(QUOTE_DEFAULT_LIMITS.validDaysMax, "At most 60 days."),
    // Optional so older clients keep working; absent means "not fixed".
    docFeeFixed: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    // A buyer reads the label beside the amount; an unnamed charge would read as a hidden fee.
    if (v.addOnsCents > 0 && !v.addOnsLabel) ctx.addIssue({ code: "custom", path: ["addOnsLabel"], message: "Say what the add-ons are, e.g. Window tint and mats." });
  })
  .transform((v) => ({ ...v, addOnsLabel: v.addOnsLabel || null }));

export type UpdateQuoteDefaultsInput = z.input<typeof updateQuoteDefaultsInput>;
