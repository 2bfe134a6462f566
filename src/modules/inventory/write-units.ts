import { randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { UnitData } from "./plan-import";

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
// The columns are timestamp without time zone, holding UTC (as Prisma writes them), whatever the session's zone.
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
// Prisma's cuid() default lives in the client, not the table; an id of the same alphabet and length.
const newId = () => `c${randomBytes(12).toString("hex")}`;

/** A batch as one array parameter per column, in the order of UNIT_COLUMNS below. */
function columnArrays(units: UnitData[]) {
  const col = <T>(f: (d: UnitData) => T) => units.map(f);
  return Prisma.sql`
      ${col((d) => d.vin)}::text[], ${col((d) => d.stockNumber)}::text[], ${col((d) => d.condition)}::text[],
      ${col((d) => d.year)}::int[], ${col((d) => d.make)}::text[], ${col((d) => d.model)}::text[], ${col((d) => d.trim)}::text[],
      ${col((d) => d.bodyType)}::text[], ${col((d) => d.mileage)}::int[], ${col((d) => d.priceCents)}::int[],
      ${col((d) => d.msrpCents)}::int[], ${col((d) => d.exteriorColor)}::text[], ${col((d) => isoDay(d.inStockSince))}::text[],
      ${col((d) => JSON.stringify(d.features))}::text[], ${col((d) => d.status ?? null)}::text[]`;
}
const UNIT_COLUMNS = Prisma.sql`vin, stock_number, condition, year, make, model, trim, body_type, mileage, price_cents, msrp_cents, exterior_color, in_stock_since, features, status`;

/**
 * Inserts one batch of new units in a single statement (unnest, as the update below). Prisma's
 * createMany took 1.1 s per 500 units here (bench/inventory-import.mts), this a few milliseconds.
 */
export async function insertUnitsBatch(tx: Prisma.TransactionClient, dealerId: string, part: UnitData[]) {
  if (part.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO "InventoryUnit" ("id", "dealerId", "vin", "stockNumber", "condition", "year", "make", "model", "trim", "bodyType", "mileage",
                                 "priceCents", "msrpCents", "exteriorColor", "inStockSince", "features", "status", "updatedAt")
    SELECT v.id, ${dealerId}, v.vin, v.stock_number, v.condition::"VehicleCondition", v.year, v.make, v.model, v.trim, v.body_type::"BodyType", v.mileage,
           v.price_cents, v.msrp_cents, v.exterior_color, v.in_stock_since::date, ARRAY(SELECT jsonb_array_elements_text(v.features::jsonb)),
           COALESCE(v.status::"InventoryStatus", 'AVAILABLE'), ${NOW}
    FROM unnest(${part.map(newId)}::text[], ${columnArrays(part)}) AS v(id, ${UNIT_COLUMNS})`;
}

/**
 * Writes one batch of changed units in a single statement: each column travels as one array parameter
 * and unnest() zips them back into rows, so 500 updates are one round trip instead of 500. Features are
 * a list per unit, and PostgreSQL arrays cannot be ragged, so each travels as a JSON text. Only changed
 * rows are passed in, so "updatedAt" moves exactly for units the feed changed. A status left undefined
 * (every CSV row) keeps the unit's own.
 */
export async function updateUnitsBatch(tx: Prisma.TransactionClient, dealerId: string, part: { id: string; data: UnitData }[]) {
  if (part.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "InventoryUnit" AS u SET
      "stockNumber" = v.stock_number, "condition" = v.condition::"VehicleCondition", "year" = v.year, "make" = v.make,
      "model" = v.model, "trim" = v.trim, "bodyType" = v.body_type::"BodyType", "mileage" = v.mileage,
      "priceCents" = v.price_cents, "msrpCents" = v.msrp_cents, "exteriorColor" = v.exterior_color,
      "inStockSince" = v.in_stock_since::date,
      "features" = ARRAY(SELECT jsonb_array_elements_text(v.features::jsonb)),
      "status" = COALESCE(v.status::"InventoryStatus", u."status"),
      "updatedAt" = ${NOW}
    FROM unnest(${part.map((u) => u.id)}::text[], ${columnArrays(part.map((u) => u.data))}) AS v(id, ${UNIT_COLUMNS})
    WHERE u."id" = v.id AND u."dealerId" = ${dealerId} AND u."vin" = v.vin`;
}

/**
 * Marks these units sold if they are still available, and returns the ones it changed: a unit sold by
 * hand between the plan and this statement is neither sold twice nor flagged twice.
 */
export async function markSoldBatch(tx: Prisma.TransactionClient, dealerId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "InventoryUnit" SET "status" = 'SOLD', "updatedAt" = ${NOW}
    WHERE "id" = ANY(${ids}::text[]) AND "dealerId" = ${dealerId} AND "status" = 'AVAILABLE'
    RETURNING "id"`;
  return rows.map((r) => r.id);
}
