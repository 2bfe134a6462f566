// The inventory API's wire shapes (PUT/GET /api/v1/inventory), also the OpenAPI document's components.
// Units go out in the shape they come in, so a page read with GET can be sent back with PUT unchanged.
import { z } from "zod";

export const MAX_UNITS_PER_CALL = 1000;
// A unit is about 450 bytes of JSON; 1,000 of them with long feature lists stay well under 1 MB.
export const INVENTORY_JSON_MAX_BYTES = 1024 * 1024;

const BODY_TYPES = ["SEDAN", "SUV", "TRUCK", "COUPE", "HATCHBACK", "MINIVAN", "WAGON", "CONVERTIBLE", "VAN"] as const;
const STATUSES = ["AVAILABLE", "PENDING", "SOLD"] as const;
const CONDITIONS = ["NEW", "USED", "CERTIFIED"] as const;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-03-01");

// Types and shape only: the rules (VIN check digit, year against the VIN, price range, mileage of a used
// car) are the CSV import's own validateRow, so both refuse a row for the same reason.
export const apiUnitInputSchema = z
  .object({
    vin: z.string().max(30).describe("17 characters; the check digit is verified."),
    stockNumber: z.string().max(40).nullish(),
    condition: z.enum(CONDITIONS),
    year: z.number().int(),
    make: z.string().max(40),
    model: z.string().max(60),
    trim: z.string().max(60).nullish(),
    bodyType: z.enum(BODY_TYPES).nullish(),
    mileage: z.number().int().nullish().describe("Required unless condition is NEW."),
    priceCents: z.number().int().describe("Asking price in cents, $1 to $500,000."),
    msrpCents: z.number().int().nullish(),
    exteriorColor: z.string().max(40).nullish(),
    inStockSince: day.nullish(),
    features: z.array(z.string().max(60)).max(40).optional(),
    status: z.enum(STATUSES).optional().describe("Omit to keep a unit's status (new units are AVAILABLE)."),
  })
  .strict();
export type ApiUnitInput = z.infer<typeof apiUnitInputSchema>;

export const upsertInventoryInputSchema = z
  .object({
    units: z.array(apiUnitInputSchema).min(1).max(MAX_UNITS_PER_CALL).describe(`At most ${MAX_UNITS_PER_CALL} units per call; a VIN is a unit of yours, added or updated.`),
    fullFeed: z.boolean().default(false).describe("true: these units are your whole stock, and AVAILABLE units not named are marked SOLD."),
  })
  .strict();

export const rejectedRowSchema = z.object({
  row: z.number().int().describe("The unit's index in `units` (from 0), or for a CSV body the file's line number."),
  vin: z.string().nullable(),
  reason: z.string(),
});
export const upsertInventoryResultSchema = z.object({
  dryRun: z.boolean().describe("true for a test key: what a live key would do, and nothing written."),
  received: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  markedSold: z.number().int(),
  rejected: z.array(rejectedRowSchema),
});

export const apiUnitSchema = z.object({
  id: z.string(),
  vin: z.string(),
  stockNumber: z.string().nullable(),
  condition: z.enum(CONDITIONS),
  year: z.number().int(),
  make: z.string(),
  model: z.string(),
  trim: z.string().nullable(),
  bodyType: z.enum(BODY_TYPES).nullable(),
  mileage: z.number().int(),
  priceCents: z.number().int(),
  msrpCents: z.number().int().nullable(),
  exteriorColor: z.string().nullable(),
  inStockSince: z.string().nullable(),
  features: z.array(z.string()),
  status: z.enum(STATUSES),
  updatedAt: z.string(),
});
export const inventoryListSchema = z.object({ object: z.literal("list"), data: z.array(apiUnitSchema), has_more: z.boolean(), next_cursor: z.string().nullable() });

export const inventoryListQuerySchema = z
  .object({
    status: z.enum(STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50).describe("Page size, at most 100."),
    cursor: z.string().regex(/^[A-HJ-NPR-Z0-9]{17}$/, "next_cursor from the previous page").optional().describe("next_cursor from the previous page."),
  })
  .strict();

/** Query of a CSV PUT (a JSON body carries fullFeed itself). */
export const csvPutQuerySchema = z.object({ fullFeed: z.enum(["true", "false"]).optional().describe("CSV bodies only: as the JSON body's fullFeed.") }).strict();
