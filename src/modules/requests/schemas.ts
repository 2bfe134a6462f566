import { z } from "zod";
// Shared by the request form (client) and the server: no server-only imports here.
import { BODY_TYPES, CONDITIONS, MAKES, TERMS, TIMELINES } from "./labels";
import { MAX_FEE_CAP_CENTS, MAX_MIN_VALID_DAYS } from "./buyer-terms";

export * from "./labels";

const MAX_YEAR = new Date().getUTCFullYear() + 1;
const cents = (max: number, label: string) => z.number({ error: `Enter ${label}.` }).int().min(0, `${label[0]!.toUpperCase()}${label.slice(1)} cannot be negative.`).max(max, `That ${label} is too high.`);
const optText = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters.`).optional();

/** Every field a customer states when posting (PRODUCT.md step 1). Prices in cents. */
export const requestFields = z
  .object({
    bodyType: z.enum(BODY_TYPES, { error: "Choose a body type." }),
    condition: z.enum(CONDITIONS, { error: "Choose new, used or either." }),
    makes: z.array(z.string().trim().min(1).max(40)).max(5, "Pick up to 5 makes.").default([]),
    model: optText(60),
    yearMin: z.number().int().min(1990, "Pick 1990 or later.").max(MAX_YEAR, `Pick ${MAX_YEAR} or earlier.`).optional(),
    yearMax: z.number().int().min(1990, "Pick 1990 or later.").max(MAX_YEAR, `Pick ${MAX_YEAR} or earlier.`).optional(),
    maxMileage: z.number().int().min(0, "Mileage cannot be negative.").max(500_000, "That mileage is too high.").optional(),
    features: z.array(z.string().trim().min(1).max(40)).max(10, "List up to 10 features.").default([]),
    maxPriceCents: cents(50_000_000, "maximum price").min(100_000, "A maximum price under $1,000 will not reach dealers.").optional(),
    maxMonthlyCents: cents(1_000_000, "monthly payment").min(5_000, "Enter at least $50 a month.").optional(),
    termMonths: z.number().int().refine((t) => (TERMS as readonly number[]).includes(t), "Pick a loan term from the list.").optional(),
    downPaymentCents: cents(50_000_000, "down payment").default(0),
    tradeInYear: z.number().int().min(1950, "Pick 1950 or later.").max(MAX_YEAR, `Pick ${MAX_YEAR} or earlier.`).optional(),
    tradeInMake: optText(40),
    tradeInModel: optText(60),
    tradeInMileage: z.number().int().min(0, "Mileage cannot be negative.").max(1_000_000, "That mileage is too high.").optional(),
    wantsFinancing: z.boolean(),
    zip: z.string().trim().regex(/^\d{5}$/, "Enter a 5-digit ZIP code."),
    radiusMiles: z.number().int().min(5, "Search at least 5 miles.").max(250, "Search at most 250 miles."),
    timeline: z.enum(TIMELINES, { error: "Tell dealers when you plan to buy." }),
    // The buyer's own terms (buyer-terms.ts): every quote must keep them.
    noAddOns: z.boolean().optional(),
    maxFeesCents: cents(MAX_FEE_CAP_CENTS, "fee limit").optional(),
    minValidDays: z
      .number({ error: "Enter a number of days." })
      .int("Whole days only.")
      .min(1, "At least 1 day.")
      .max(MAX_MIN_VALID_DAYS, `At most ${MAX_MIN_VALID_DAYS} days: quotes last 60 days at most, and prices move.`)
      .optional(),
    threadOnly: z.boolean().optional(),
    inStockOnly: z.boolean().optional(),
  })
  .strict();

export type RequestFields = z.infer<typeof requestFields>;

/** The terms that decide which dealers a request reaches: the live reach preview's input. */
export const reachTermsInput = requestFields
  .pick({ bodyType: true, condition: true, makes: true, maxPriceCents: true, maxMonthlyCents: true, termMonths: true, downPaymentCents: true, zip: true, radiusMiles: true, maxFeesCents: true })
  .strict();
export type ReachTerms = z.infer<typeof reachTermsInput>;

/** Rules across fields; each problem is reported on the field the customer must change. */
export function checkRequestConsistency(v: Partial<RequestFields>, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (v.maxPriceCents == null && v.maxMonthlyCents == null) issue("maxPriceCents", "Give a maximum price, a monthly payment, or both.");
  if (v.maxMonthlyCents != null && v.termMonths == null) issue("termMonths", "A monthly target needs a loan term.");
  if (v.maxPriceCents != null && v.downPaymentCents != null && v.downPaymentCents > v.maxPriceCents) issue("downPaymentCents", "The down payment cannot be more than the maximum price.");
  if (v.yearMin != null && v.yearMax != null && v.yearMin > v.yearMax) issue("yearMax", "The newest year must be the same as or after the oldest.");
  const trade = [v.tradeInYear, v.tradeInMake, v.tradeInModel, v.tradeInMileage];
  if (trade.some((x) => x != null && x !== "") && !trade.every((x) => x != null && x !== "")) {
    for (const [k, val] of [["tradeInYear", v.tradeInYear], ["tradeInMake", v.tradeInMake], ["tradeInModel", v.tradeInModel], ["tradeInMileage", v.tradeInMileage]] as const)
      if (val == null || val === "") issue(k, "Fill in every trade-in field, or leave them all empty.");
  }
  if (v.makes && new Set(v.makes.map((m) => m.toLowerCase())).size !== v.makes.length) issue("makes", "Each make only once.");
}

export const createRequestInput = requestFields
  .extend({
    shareCredit: z.boolean().default(false),
    // Opt-in, off when absent: lets this request's dealers see that the buyer has bought through Keyturn before.
    tellReturningBuyer: z.boolean().optional(),
    // Which lenders may see the credit profile: absent means every lender; a list means only those.
    shareWithLenderIds: z.array(z.string().min(1).max(40)).min(1, "Pick at least one lender, or choose all lenders.").max(50).optional(),
  })
  .strict()
  .superRefine(checkRequestConsistency);
export type CreateRequestInput = z.infer<typeof createRequestInput>;

export const updateRequestInput = requestFields
  .extend({ requestId: z.string().min(1).max(40) })
  .strict()
  .superRefine(checkRequestConsistency);
export type UpdateRequestInput = z.infer<typeof updateRequestInput>;

export const requestIdInput = z.object({ requestId: z.string().min(1).max(40) }).strict();
