import { z } from "zod";
import { BODY_TYPES } from "~/modules/requests/labels";
import { LEAD_FILTERS } from "./labels";

export * from "./labels";

export const listLeadsInput = z
  .object({
    status: z.enum(LEAD_FILTERS).default("ALL"),
    bodyType: z.enum(BODY_TYPES).optional(),
    cursor: z.string().max(40).optional(),
    // Sent by the client's infinite list along with the cursor; pages only go forward (older leads).
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .strict();

export const leadIdInput = z.object({ leadId: z.string().min(1).max(40) }).strict();
export const passLeadInput = z.object({ leadId: z.string().min(1).max(40), reason: z.string().trim().max(300).optional() }).strict();

export const coverageInput = z
  .object({
    zip: z.string().trim().regex(/^\d{5}$/, "Enter a 5-digit ZIP code."),
    serviceRadiusMiles: z.number({ error: "Enter a radius." }).int().min(5, "At least 5 miles.").max(500, "At most 500 miles."),
    makes: z.array(z.string().trim().min(1).max(40)).min(1, "Pick at least one make.").max(40),
    bodyTypes: z.array(z.enum(BODY_TYPES)).min(1, "Pick at least one body type."),
    sellsNew: z.boolean(),
    sellsUsed: z.boolean(),
    minPriceCents: z.number({ error: "Enter an amount." }).int().min(0, "Cannot be negative.").max(100_000_000),
    maxPriceCents: z.number({ error: "Enter an amount." }).int().min(100_000, "At least $1,000.").max(100_000_000, "At most $1,000,000."),
    dailyLeadCap: z.number({ error: "Enter a number." }).int().min(1, "At least 1 lead a day.").max(1000, "At most 1,000 leads a day."),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.sellsNew && !v.sellsUsed) ctx.addIssue({ code: "custom", path: ["sellsUsed"], message: "Sell new, used, or both." });
    if (v.minPriceCents > v.maxPriceCents) ctx.addIssue({ code: "custom", path: ["maxPriceCents"], message: "The highest price must be at least the lowest." });
  });
export type CoverageInput = z.infer<typeof coverageInput>;

export const autoQuoteSettingsInput = z
  .object({
    enabled: z.boolean(),
    // Basis points off the unit's list price: 250 = 2.5%.
    discountBps: z.number({ error: "Enter a discount." }).int("Use at most two decimals.").min(0, "Cannot be negative.").max(2000, "At most 20%."),
    dailyCap: z.number({ error: "Enter a number." }).int("Enter a whole number.").min(1, "At least 1 a day.").max(500, "At most 500 a day."),
  })
  .strict();
export type AutoQuoteSettingsInput = z.infer<typeof autoQuoteSettingsInput>;
