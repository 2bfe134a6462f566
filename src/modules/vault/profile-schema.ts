import { z } from "zod";

// Shared by the profile form and the use-cases, so the browser and the server agree on every message.
const text = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters`);
const optionalText = (max: number) => text(max).transform((v) => v || null).nullable().optional();
const cents = (max: number, what: string) =>
  z.number({ message: `Enter ${what} in dollars` }).int().min(0, `${what} cannot be negative`).max(max, `That ${what} looks too large`).nullable().optional();

export const profileInput = z
  .object({
    firstName: text(60).min(1, "Enter your first name"),
    lastName: text(60).min(1, "Enter your last name"),
    phone: optionalText(30).refine((v) => !v || /^[0-9()+.\-\s]{7,30}$/.test(v), "Enter a phone number like 602-555-0123"),
    street: optionalText(120),
    city: optionalText(80),
    state: optionalText(2).refine((v) => !v || /^[A-Za-z]{2}$/.test(v), "Use the 2-letter state code, like AZ").transform((v) => v?.toUpperCase() ?? v),
    zip: optionalText(5).refine((v) => !v || /^\d{5}$/.test(v), "Enter a 5-digit ZIP code"),
    employer: optionalText(120),
    annualIncomeCents: cents(100_000_000_00, "income"),
    housingCostCents: cents(1_000_000_00, "housing cost"),
  })
  .strict();
export type ProfileInput = z.input<typeof profileInput>;

export const selfReportInput = z.object({ tier: z.enum(["SUPER_PRIME", "PRIME", "NEAR_PRIME", "SUBPRIME", "DEEP_SUBPRIME"]) }).strict();

export const softPullInput = z
  .object({
    // The customer ticked "I agree" to exactly this version of the text.
    agreed: z.literal(true, { message: "Tick the box to instruct us to check your credit" }),
    textVersion: z.string().max(60),
    dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter your date of birth"),
    ssnLast4: z.string().regex(/^\d{4}$/, "Enter the last 4 digits of your Social Security number"),
  })
  .strict();
