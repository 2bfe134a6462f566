import { conflict, notFound } from "~/server/errors";
import { db } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { publish, topics } from "~/server/realtime";
import { isLive } from "~/modules/requests/status";
import type { ReviseQuoteInput } from "./schemas";
import { pricedColumns, requestForQuoteSelect } from "./submit-quote";

export const SOLD_SAME_CAR = "This car is marked sold: withdraw the quote, or revise it to quote another car.";

/**
 * Replaces a live quote's vehicle and prices, keeping the old version in QuoteRevision. The caller names
 * the version it edited, so two people revising at once cannot silently overwrite each other. A revision
 * also re-confirms the quote against the request's current terms, and against its stock unit: it clears
 * the flag a sale or price change set (flagQuotesForUnits). A revision that keeps the VIN of a unit now
 * marked sold is refused; one with another VIN no longer follows the old unit.
 */
export async function reviseQuote(dealerId: string, input: ReviseQuoteInput) {
  const { quoteId, version, ...fields } = input;
  return db.$transaction(async (tx) => {
    const quote = await tx.quote.findFirst({ where: { id: quoteId, dealerId }, select: { id: true, status: true, leadId: true, inventoryUnitId: true, request: { select: requestForQuoteSelect } } });
    if (!quote) throw notFound("Quote not found.");
    if (quote.status !== "ACTIVE") throw conflict("Only a live quote can be revised.");
    if (!isLive(quote.request)) throw conflict("This request is closed.");
    // FOR SHARE: a sale committing meanwhile either waits for this revision (and then flags it again) or
    // is seen here, so a revision never clears the flag of a car sold while it was being written.
    const [unit] = quote.inventoryUnitId
      ? await tx.$queryRaw<{ vin: string; status: string }[]>`SELECT "vin", "status"::text AS "status" FROM "InventoryUnit" WHERE "id" = ${quote.inventoryUnitId} FOR SHARE`
      : [];
    const sameCar = unit != null && unit.vin === fields.vin;
    if (sameCar && unit.status === "SOLD") throw conflict(SOLD_SAME_CAR);
    const columns = pricedColumns(fields, quote.request);
    const updated = await tx.quote.updateManyAndReturn({
      where: { id: quoteId, version, status: "ACTIVE" },
      data: {
        ...columns, version: { increment: 1 }, requestVersion: quote.request.version, needsReconfirm: false, unitChange: null, unitChangedAt: null,
        ...(unit && !sameCar ? { inventoryUnitId: null } : {}),
      },
      select: { id: true, version: true, otdCents: true, amountFinancedCents: true },
    });
    const q = updated[0];
    if (!q) throw conflict("This quote was changed by someone else. Reload to see the latest version.");
    await tx.quoteRevision.create({ data: { quoteId, version: q.version, snapshot: { ...columns, validUntil: columns.validUntil.toISOString() } } });
    await enqueue(tx, "lending.pre-approve-quote", { quoteId });
    await publish({ topic: topics.request(quote.request.id), type: "quote.updated", id: quoteId }, tx);
    await publish({ topic: topics.dealer(dealerId), type: "lead.updated", id: quote.leadId }, tx);
    return q;
  });
}
