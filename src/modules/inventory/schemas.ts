import { z } from "zod";
import { INVENTORY_FIELDS } from "./columns";

/** The import endpoint's query string: ?mode=preview|commit&fullFeed=0|1&mapping=<json header → field>. */
export const importQuery = z
  .object({
    mode: z.enum(["preview", "commit"], { error: "mode must be preview or commit." }),
    fullFeed: z.enum(["0", "1"], { error: "fullFeed must be 0 or 1." }).default("0").transform((v) => v === "1"),
    mapping: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s) return undefined;
        try {
          return JSON.parse(s) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "mapping must be JSON, like {\"Sale Price\":\"price\"}." });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string().max(100), z.enum(INVENTORY_FIELDS, { error: `Map each header to one of: ${INVENTORY_FIELDS.join(", ")}.` })).optional()),
  })
  .strict();

const cursor = z.string().max(200).optional();

export const listInventoryInput = z
  .object({
    search: z.string().trim().max(60).optional(),
    status: z.enum(["AVAILABLE", "PENDING", "SOLD"]).optional(),
    condition: z.enum(["NEW", "USED", "CERTIFIED"]).optional(),
    bodyType: z.enum(["SEDAN", "SUV", "TRUCK", "COUPE", "HATCHBACK", "MINIVAN", "WAGON", "CONVERTIBLE", "VAN"]).optional(),
    sort: z.enum(["newest", "price_asc", "price_desc", "year_desc", "year_asc", "mileage_asc", "mileage_desc"]).default("newest"),
    cursor,
    // Sent by the client's infinite list along with the cursor; pages only go forward.
    direction: z.enum(["forward", "backward"]).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListInventoryInput = z.infer<typeof listInventoryInput>;

export const unitIdInput = z.object({ unitId: z.string().min(1).max(40) }).strict();

export const updatePriceInput = z
  .object({
    unitId: z.string().min(1).max(40),
    priceCents: z
      .number({ error: "Enter the price." })
      .int("Price must be whole cents; it is never rounded for you.")
      .min(100, "A price must be at least $1.")
      .max(50_000_000, "A price must be at most $500,000."),
  })
  .strict();
