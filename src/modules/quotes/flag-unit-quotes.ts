import type { UnitChange } from "~/generated/prisma/enums";
import type { Tx } from "~/server/db";
import { publishMany, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";

export type UnitChangeEvent = { unitId: string; change: UnitChange };

const DEALER_TEXT: Record<UnitChange, string> = {
  SOLD: "was marked sold",
  REMOVED: "was removed from your stock",
  PRICE_CHANGED: "changed price",
};

/**
 * Flags every open quote made from these units, in the caller's transaction (the one that sold, removed
 * or repriced them): the buyer's inbox says the car may no longer be available, the dealer is asked to
 * re-confirm or withdraw, and accept refuses the quote until one of those happens. Reads only the quotes
 * on these units (Quote_inventoryUnitId_idx). Returns how many quotes were flagged.
 */
export async function flagQuotesForUnits(tx: Tx, events: UnitChangeEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const changeOf = new Map(events.map((e) => [e.unitId, e.change]));
  const quotes = await tx.quote.findMany({
    where: { inventoryUnitId: { in: [...changeOf.keys()] }, status: "ACTIVE" },
    select: { id: true, leadId: true, dealerId: true, requestId: true, inventoryUnitId: true, year: true, make: true, model: true, request: { select: { customerId: true } } },
  });
  if (quotes.length === 0) return 0;
  const now = new Date();
  for (const change of new Set(changeOf.values())) {
    const ids = quotes.filter((q) => changeOf.get(q.inventoryUnitId!) === change).map((q) => q.id);
    if (ids.length) await tx.quote.updateMany({ where: { id: { in: ids } }, data: { unitChange: change, unitChangedAt: now } });
  }
  const members = await tx.membership.findMany({ where: { dealerId: { in: [...new Set(quotes.map((q) => q.dealerId))] } }, select: { userId: true, dealerId: true } });
  for (const q of quotes) {
    const car = `${q.year} ${q.make} ${q.model}`;
    const change = changeOf.get(q.inventoryUnitId!)!;
    await notify(tx, { userId: q.request.customerId, kind: "quote.unit-changed", title: "This car may no longer be available", body: `The ${car} in one of your quotes ${change === "PRICE_CHANGED" ? "changed price" : "may have been sold"}. The dealer has been asked to re-confirm.`, link: `/customer/requests/${q.requestId}` });
    for (const m of members.filter((m) => m.dealerId === q.dealerId)) {
      await notify(tx, { userId: m.userId, kind: "quote.unit-changed", title: "Re-confirm or withdraw a quote", body: `The ${car} you quoted ${DEALER_TEXT[change]}.`, link: `/dealer/leads/${q.leadId}`, email: false });
    }
  }
  await publishMany(
    quotes.flatMap((q) => [
      { topic: topics.request(q.requestId), type: "quote.updated", id: q.id },
      { topic: topics.dealer(q.dealerId), type: "lead.updated", id: q.leadId },
    ]),
    tx,
  );
  return quotes.length;
}
