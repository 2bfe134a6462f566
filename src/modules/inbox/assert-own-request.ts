import { db } from "~/server/db";
import { notFound } from "~/server/errors";

/** Live streams check ownership before subscribing: another customer's request is NOT_FOUND. */
export async function assertOwnRequest(customerId: string, requestId: string) {
  const found = await db.request.findFirst({ where: { id: requestId, customerId }, select: { id: true } });
  if (!found) throw notFound("Request not found.");
}
