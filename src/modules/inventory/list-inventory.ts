import { db } from "~/server/db";
import { badRequest } from "~/server/errors";
import type { Prisma } from "~/generated/prisma/client";
import type { ListInventoryInput } from "./schemas";
import { dealerUnitSelect } from "./selects";

type Key = "updatedAt" | "priceCents" | "year" | "mileage";
const SORTS: Record<ListInventoryInput["sort"], [Key, "asc" | "desc"]> = {
  newest: ["updatedAt", "desc"],
  price_asc: ["priceCents", "asc"], price_desc: ["priceCents", "desc"],
  year_desc: ["year", "desc"], year_asc: ["year", "asc"],
  mileage_asc: ["mileage", "asc"], mileage_desc: ["mileage", "desc"],
};

// The cursor is the last row's (sort value, id): keyset paging stays exact while units change.
const encode = (v: number | Date, id: string) => Buffer.from(JSON.stringify([v instanceof Date ? v.toISOString() : v, id])).toString("base64url");
function decode(cursor: string, key: Key): [number | Date, string] {
  try {
    const [v, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [unknown, unknown];
    if (typeof id !== "string") throw new Error();
    if (key === "updatedAt" && typeof v === "string" && !Number.isNaN(Date.parse(v))) return [new Date(v), id];
    if (key !== "updatedAt" && typeof v === "number") return [v, id];
  } catch {}
  throw badRequest("This page link is out of date; go back to the first page.");
}

/** One page of the dealer's own units, searched, filtered and sorted. */
export async function listInventory(dealerId: string, input: ListInventoryInput) {
  const [key, dir] = SORTS[input.sort];
  const s = input.search?.trim();
  const where: Prisma.InventoryUnitWhereInput = {
    dealerId,
    status: input.status,
    condition: input.condition,
    bodyType: input.bodyType,
    ...(s
      ? { OR: [{ make: { contains: s, mode: "insensitive" } }, { model: { contains: s, mode: "insensitive" } }, { vin: { contains: s.toUpperCase() } }, { stockNumber: { contains: s, mode: "insensitive" } }] }
      : {}),
  };
  const after: Prisma.InventoryUnitWhereInput = {};
  if (input.cursor) {
    const [v, id] = decode(input.cursor, key);
    const op = dir === "asc" ? "gt" : "lt";
    after.OR = [{ [key]: { [op]: v } }, { [key]: v, id: { [op]: id } }];
  }
  const rows = await db.inventoryUnit.findMany({
    where: { AND: [where, after] },
    orderBy: [{ [key]: dir }, { id: dir }],
    take: input.limit + 1,
    select: dealerUnitSelect,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encode(last[key], last.id) : null };
}
