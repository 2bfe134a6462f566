// The dealer quote API's shapes (POST /api/v1/leads/{id}/quotes), built from the form's own schema so the
// API and the dashboard refuse the same quotes with the same words. The OpenAPI document reads these.
import { z } from "zod";
import { quoteFields } from "./schemas";

export const apiQuoteInputSchema = quoteFields
  .extend({ validUntil: z.iso.datetime({ offset: true, error: "validUntil must be an ISO 8601 date-time, e.g. 2026-12-31T23:59:59Z." }) })
  .strict()
  .meta({ description: "A quote's vehicle and price lines, in cents. The out-the-door total and amount financed are computed by Keyturn." });

export const apiQuoteCreatedSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    otdCents: z.number().int(),
    amountFinancedCents: z.number().int(),
    dryRun: z.boolean().meta({ description: "True for a test key: every check ran, and nothing was sent or stored." }),
  })
  .strict();
export type ApiQuoteCreated = z.infer<typeof apiQuoteCreatedSchema>;
