import { conflict, notFound } from "~/server/errors";
import { db } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { publish, publishMany, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";
import { requestColumns } from "./create-request";
import type { UpdateRequestInput } from "./schemas";
import { isLive } from "./status";

/**
 * Edits an open request. The version goes up and every live quote is flagged for its dealer to
 * re-confirm against the new terms. Matching runs again so newly fitting dealers are reached;
 * existing leads stay.
 */
export async function updateRequest(customerId: string, input: UpdateRequestInput) {
  const { requestId, ...fields } = input;
  const columns = requestColumns(fields);
  return db.$transaction(async (tx) => {
    const current = await tx.request.findFirst({ where: { id: requestId, customerId }, select: { id: true, status: true, expiresAt: true } });
    if (!current) throw notFound("Request not found.");
    if (!isLive(current)) throw conflict("This request is closed and can no longer be edited.");
    const updated = await tx.request.update({
      where: { id: requestId },
      data: { ...columns, version: { increment: 1 }, fannedOutAt: null },
      select: { id: true, version: true },
    });
    // The leads' copy of the body type (the dealer's filter reads it) changes with the request, in this transaction.
    if (columns.bodyType) await tx.lead.updateMany({ where: { requestId, bodyType: { not: columns.bodyType } }, data: { bodyType: columns.bodyType } });
    const flagged = await tx.quote.updateManyAndReturn({
      where: { requestId, status: "ACTIVE", requestVersion: { lt: updated.version } },
      data: { needsReconfirm: true },
      select: { id: true, leadId: true, dealerId: true },
    });
    const members = await tx.membership.findMany({ where: { dealerId: { in: flagged.map((q) => q.dealerId) } }, select: { userId: true, dealerId: true } });
    for (const m of members) {
      const q = flagged.find((f) => f.dealerId === m.dealerId)!;
      await notify(tx, { userId: m.userId, kind: "quote.needs-reconfirm", title: "A buyer changed their request", body: "Please re-confirm or revise your quote.", link: `/dealer/leads/${q.leadId}`, email: false });
    }
    await publishMany(flagged.map((q) => ({ topic: topics.dealer(q.dealerId), type: "lead.updated", id: q.leadId })), tx);
    await publish({ topic: topics.request(requestId), type: "request.updated", id: requestId }, tx);
    await enqueue(tx, "request.fan-out", { requestId });
    return { id: updated.id, version: updated.version, flaggedQuotes: flagged.length };
  });
}
