// Zod schemas shared by the REST handlers and the OpenAPI document (one source of truth for both).
import { z } from "zod";
import { MAX_APR_BPS, MAX_TERM_MONTHS } from "~/modules/lending/amortization";

const cents = z.number().int().min(0).max(100_000_000);
const reasonList = z.array(z.string().trim().min(1).max(200)).min(1).max(10);

const common = {
  decisionVersion: z.number().int().min(1).max(1_000_000).describe("Your decision's version for this request. A higher version supersedes a lower one; a lower one arriving late is ignored."),
  quoteVersion: z.number().int().min(1).describe("The quote version you decided on (from the pre-approval request). Deciding on an outdated version is refused with 409."),
};
const terms = {
  aprBps: z.number().int().min(0).max(MAX_APR_BPS).describe("APR in basis points (687 = 6.87%)."),
  termMonths: z.number().int().min(1).max(MAX_TERM_MONTHS),
  maxAmountCents: cents.describe("The most you will lend on this request, in cents."),
};

export const decisionInputSchema = z
  .discriminatedUnion("decision", [
    z.object({ decision: z.literal("approved"), ...common, ...terms }).strict(),
    z.object({ decision: z.literal("conditional"), ...common, ...terms, conditions: reasonList.describe("Stipulations, e.g. proof of income.") }).strict(),
    z
      .object({
        decision: z.literal("declined"),
        ...common,
        reasons: reasonList.describe("Principal reasons; shown to the buyer on the adverse-action notice."),
        creditScoreUsed: z.number().int().min(300).max(850).optional(),
        creditScoreSource: z.string().trim().min(1).max(80).optional().describe('Where the score came from, e.g. "Experian".'),
      })
      .strict(),
  ])
  ;
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export const preApprovalStatusSchema = z.enum(["pending", "approved", "conditional", "declined", "expired", "cancelled"]);

export const listQuerySchema = z
  .object({
    status: preApprovalStatusSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe("Page size, at most 100."),
    cursor: z.string().max(200).optional().describe("next_cursor from the previous page."),
  })
  .strict();

const money = z.number().int();
export const preApprovalSchema = z
  .object({
    id: z.string(),
    object: z.literal("pre_approval"),
    status: preApprovalStatusSchema,
    request_id: z.string(),
    quote_id: z.string(),
    quote_version: z.number().int(),
    amount_cents: money.describe("Amount financed to decide: out-the-door − down payment − trade-in."),
    decision_version: z.number().int(),
    apr_bps: z.number().int().nullable(),
    term_months: z.number().int().nullable(),
    max_amount_cents: z.number().int().nullable(),
    monthly_payment_cents: z.number().int().nullable(),
    conditions: z.array(z.string()),
    reasons: z.array(z.string()),
    source: z.enum(["auto_policy", "api", "console"]).nullable().describe("Who decided: your auto-decision policy, your API integration, or an underwriter in the console."),
    decided_at: z.string().nullable(),
    expires_at: z.string(),
    created_at: z.string(),
  })
  ;

export const vehicleSchema = z
  .object({ year: z.number().int(), make: z.string(), model: z.string(), trim: z.string().nullable(), condition: z.enum(["new", "used", "certified"]).describe("The quoted car's condition, as the dealer states it: new, used, or certified pre-owned. Price by it."), body_type: z.string(), mileage: z.number().int(), vin: z.string() })
  ;

export const preApprovalDetailSchema = preApprovalSchema
  .extend({
    vehicle: vehicleSchema,
    quote: z.object({ otd_cents: money, amount_financed_cents: money, down_payment_cents: money, requested_term_months: z.number().int().nullable() }),
    applicant: z
      .object({
        credit: z.object({ score: z.number().int().nullable(), tier: z.string().nullable(), source: z.string().nullable() }).optional(),
        income: z.object({ annual_income_cents: z.number().int().nullable(), housing_cost_cents: z.number().int().nullable() }).optional(),
      })
      .describe("Only the fields the buyer's consent grant allows. Every read is written to the buyer's access log."),
  })
  ;

export const listResponseSchema = z.object({ object: z.literal("list"), data: z.array(preApprovalSchema), has_more: z.boolean(), next_cursor: z.string().nullable() });
export const decisionResponseSchema = z.object({ applied: z.boolean().describe("false when a decision with a higher version was already recorded"), pre_approval: preApprovalSchema });
export const errorSchema = z
  .object({ error: z.object({ code: z.string().describe("Stable machine-readable code, e.g. not_found, rate_limited."), message: z.string() }) })
  ;

// ─── console (tRPC) inputs ───

// An underwriter's decision by hand. The server numbers it (the next decisionVersion), so the form sends
// only what the person decided and the quote version they saw.
const consoleCommon = { id: z.string().min(1).max(40), quoteVersion: common.quoteVersion };
const lines = (what: string) => z.array(z.string().trim().min(1).max(200)).min(1, `Give at least one ${what}, one per line.`).max(10, `At most 10 ${what}s.`);
const consoleTerms = {
  aprBps: z.number({ error: "Enter the APR, e.g. 6.49." }).int().min(0, "The APR cannot be negative.").max(MAX_APR_BPS, "The APR cannot exceed 100%."),
  termMonths: z.number({ error: "Enter the term in months." }).int("Whole months only.").min(12, "At least 12 months.").max(MAX_TERM_MONTHS, `At most ${MAX_TERM_MONTHS} months.`),
  maxAmountCents: z.number({ error: "Enter the most you will lend." }).int().min(100_000, "At least $1,000.").max(100_000_000, "At most $1,000,000."),
};
export const consoleDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approved"), ...consoleCommon, ...consoleTerms }).strict(),
  z.object({ decision: z.literal("conditional"), ...consoleCommon, ...consoleTerms, conditions: lines("condition") }).strict(),
  z.object({ decision: z.literal("declined"), ...consoleCommon, reasons: lines("reason") }).strict(),
]);
export type ConsoleDecisionInput = z.infer<typeof consoleDecisionSchema>;

const bodyTypes = ["SEDAN", "SUV", "TRUCK", "COUPE", "HATCHBACK", "MINIVAN", "WAGON", "CONVERTIBLE", "VAN"] as const;
export const policyTierInputSchema = z
  .object({
    minScore: z.number().int().min(300).max(850),
    maxScore: z.number().int().min(300).max(850),
    aprNewBps: z.number().int().min(0).max(MAX_APR_BPS),
    aprUsedBps: z.number().int().min(0).max(MAX_APR_BPS),
    maxTermMonths: z.number().int().min(12).max(MAX_TERM_MONTHS),
    maxAmountCents: z.number().int().min(100_000).max(100_000_000),
    maxPtiBps: z.number().int().min(100).max(5000),
  })
  .strict();
export const policyInputSchema = z
  .object({
    active: z.boolean(),
    bodyTypes: z.array(z.enum(bodyTypes)).max(bodyTypes.length),
    allowNew: z.boolean(),
    allowUsed: z.boolean(),
    tiers: z.array(policyTierInputSchema).max(10),
  })
  .strict();
export type PolicyInput = z.infer<typeof policyInputSchema>;
