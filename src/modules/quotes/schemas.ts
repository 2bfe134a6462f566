import { z } from "zod";
import { vinProblem } from "~/modules/vehicles/vin";
import { VEHICLE_CONDITIONS, type VehicleCondition } from "./labels";

export * from "./labels";

const MAX_YEAR = new Date().getUTCFullYear() + 1;
const cents = (max: number) => z.number({ error: "Enter an amount." }).int("Use whole cents.").min(0, "Cannot be negative.").max(max, "That amount is too high.");

export const quoteFields = z
  .object({
    year: z.number({ error: "Enter the model year." }).int().min(1990, "Pick 1990 or later.").max(MAX_YEAR, `Pick ${MAX_YEAR} or earlier.`),
    make: z.string().trim().min(1, "Enter the make.").max(40),
    model: z.string().trim().min(1, "Enter the model.").max(60),
    trim: z.string().trim().max(60).optional(),
    vin: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .superRefine((v, ctx) => {
        const problem = vinProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    condition: z.enum(VEHICLE_CONDITIONS, { error: "Say whether the car is new, used or certified pre-owned." }),
    mileage: z.number({ error: "Enter the odometer reading." }).int().min(0, "Cannot be negative.").max(500_000, "That mileage is too high."),
    inStock: z.boolean(),
    vehiclePriceCents: cents(50_000_000).min(100_000, "Enter the vehicle price."),
    feesCents: cents(5_000_000),
    addOnsCents: cents(5_000_000),
    incentivesCents: cents(5_000_000),
    tradeInOfferCents: cents(20_000_000),
    taxCents: cents(10_000_000),
    validUntil: z.coerce.date({ error: "Pick a date." }),
  })
  .strict();

export type QuoteFields = z.infer<typeof quoteFields>;

function checkQuote(v: QuoteFields, ctx: z.RefinementCtx) {
  if (v.incentivesCents > v.vehiclePriceCents + v.feesCents + v.addOnsCents) ctx.addIssue({ code: "custom", path: ["incentivesCents"], message: "Incentives cannot exceed the price." });
  const day = 86_400_000;
  if (v.validUntil.getTime() < Date.now() + day / 24) ctx.addIssue({ code: "custom", path: ["validUntil"], message: "Keep the quote valid for at least a few hours." });
  if (v.validUntil.getTime() > Date.now() + 60 * day) ctx.addIssue({ code: "custom", path: ["validUntil"], message: "A quote can be valid for at most 60 days." });
}

export const submitQuoteInput = quoteFields
  // inventoryUnitId: the stock unit the form was filled from ("Fill the form"); see submit-quote.ts.
  .extend({ leadId: z.string().min(1).max(40), inventoryUnitId: z.string().min(1).max(40).optional() })
  .strict()
  .superRefine(checkQuote);
export const reviseQuoteInput = quoteFields
  .extend({ quoteId: z.string().min(1).max(40), version: z.number().int().min(1) })
  .strict()
  .superRefine(checkQuote);
export const withdrawQuoteInput = z.object({ quoteId: z.string().min(1).max(40), reason: z.string().trim().min(3, "Say why, in a few words.").max(300) }).strict();

export type SubmitQuoteInput = z.infer<typeof submitQuoteInput>;
export type ReviseQuoteInput = z.infer<typeof reviseQuoteInput>;
export type WithdrawQuoteInput = z.infer<typeof withdrawQuoteInput>;
