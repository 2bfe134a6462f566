import type { Prisma } from "~/generated/prisma/client";
import type { UnitData } from "./plan-import";

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Writes one batch of changed units in a single statement: each column travels as one array parameter
 * and unnest() zips them back into rows, so 500 updates are one round trip instead of 500. Features are
 * a list per unit, and PostgreSQL arrays cannot be ragged, so each travels as a JSON text. Only changed
 * rows are passed in, so "updatedAt" moves exactly for units the feed changed. A status left undefined
 * (every CSV row) keeps the unit's own.
 */
export async function updateUnitsBatch(tx: Prisma.TransactionClient, dealerId: string, part: { id: string; data: UnitData }[]) {
  if (part.length === 0) return 0;
  const col = <T>(f: (d: UnitData) => T) => part.map((u) => f(u.data));
  return tx.$executeRaw`
    UPDATE "InventoryUnit" AS u SET
      "stockNumber" = v.stock_number, "condition" = v.condition::"VehicleCondition", "year" = v.year, "make" = v.make,
      "model" = v.model, "trim" = v.trim, "bodyType" = v.body_type::"BodyType", "mileage" = v.mileage,
      "priceCents" = v.price_cents, "msrpCents" = v.msrp_cents, "exteriorColor" = v.exterior_color,
      "inStockSince" = v.in_stock_since::date,
      "features" = ARRAY(SELECT jsonb_array_elements_text(v.features::jsonb)),
      "status" = COALESCE(v.status::"InventoryStatus", u."status"),
      "updatedAt" = now()
    FROM unnest(
      ${part.map((u) => u.id)}::text[], ${col((d) => d.stockNumber)}::text[], ${col((d) => d.condition)}::text[],
      ${col((d) => d.year)}::int[], ${col((d) => d.make)}::text[], ${col((d) => d.model)}::text[], ${col((d) => d.trim)}::text[],
      ${col((d) => d.bodyType)}::text[], ${col((d) => d.mileage)}::int[], ${col((d) => d.priceCents)}::int[],
      ${col((d) => d.msrpCents)}::int[], ${col((d) => d.exteriorColor)}::text[], ${col((d) => isoDay(d.inStockSince))}::text[],
      ${col((d) => JSON.stringify(d.features))}::text[], ${col((d) => d.status ?? null)}::text[]
    ) AS v(id, stock_number, condition, year, make, model, trim, body_type, mileage, price_cents, msrp_cents, exterior_color, in_stock_since, features, status)
    WHERE u."id" = v.id AND u."dealerId" = ${dealerId}`;
}

/**
 * Marks these units sold if they are still available, and returns the ones it changed: a unit sold by
 * hand between the plan and this statement is neither sold twice nor flagged twice.
 */
export async function markSoldBatch(tx: Prisma.TransactionClient, dealerId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "InventoryUnit" SET "status" = 'SOLD', "updatedAt" = now()
    WHERE "id" = ANY(${ids}::text[]) AND "dealerId" = ${dealerId} AND "status" = 'AVAILABLE'
    RETURNING "id"`;
  return rows.map((r) => r.id);
}
