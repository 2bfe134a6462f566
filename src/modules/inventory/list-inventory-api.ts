import type { DealerApiCaller } from "~/modules/lender-api/api-keys";
import type { InventoryStatus } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import { dealerUnitSelect } from "./selects";

type Unit = Awaited<ReturnType<typeof db.inventoryUnit.findMany<{ select: typeof dealerUnitSelect }>>>[number];

export const toApiUnit = (u: Unit) => ({ ...u, inStockSince: u.inStockSince ? u.inStockSince.toISOString().slice(0, 10) : null, updatedAt: u.updatedAt.toISOString() });

/**
 * A page of the caller's units in VIN order, keyset-paged on the VIN: a sync reads every unit once
 * even while prices change under it (an updatedAt order would move a repriced unit between pages), and
 * the (dealerId, vin) unique index answers it. A test key sees no live stock.
 */
export async function listInventoryForApi(caller: DealerApiCaller, q: { status?: InventoryStatus; limit: number; cursor?: string }) {
  if (caller.mode === "TEST") return { object: "list" as const, data: [], has_more: false, next_cursor: null };
  const rows = await db.inventoryUnit.findMany({
    where: { dealerId: caller.dealerId, ...(q.status ? { status: q.status } : {}), ...(q.cursor ? { vin: { gt: q.cursor } } : {}) },
    orderBy: { vin: "asc" },
    take: q.limit + 1,
    select: dealerUnitSelect,
  });
  const page = rows.slice(0, q.limit);
  const hasMore = rows.length > q.limit;
  return { object: "list" as const, data: page.map(toApiUnit), has_more: hasMore, next_cursor: hasMore ? page.at(-1)!.vin : null };
}
