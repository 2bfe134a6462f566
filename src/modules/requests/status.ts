import type { RequestStatus } from "~/generated/prisma/enums";

export const REQUEST_LIFETIME_DAYS = 14;

/** Expiry is a query-time rule: an open request past its date reads as expired everywhere, with no job needed. */
export function effectiveStatus(r: { status: RequestStatus; expiresAt: Date }, now = new Date()): RequestStatus {
  return r.status === "OPEN" && r.expiresAt <= now ? "EXPIRED" : r.status;
}

export function isLive(r: { status: RequestStatus; expiresAt: Date }, now = new Date()) {
  return effectiveStatus(r, now) === "OPEN";
}
