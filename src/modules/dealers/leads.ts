import { Prisma } from "~/generated/prisma/client";
import { conflict, notFound } from "~/server/errors";
import { db } from "~/server/db";
import { COUNT_CAP } from "~/lib/counts";
import { publish, topics } from "~/server/realtime";
import { effectiveStatus } from "~/modules/requests/status";
import type { z } from "zod";
import type { listLeadsInput } from "./schemas";
import { dealerLeadListSelect, dealerLeadSelect } from "./selects";

const PAGE = 50;

// A won deal is a closed lead with the accepted quote: shown as "Won" (paged by wonLeadIdsPage), not lumped in
// with "Closed".
type Filter = z.infer<typeof listLeadsInput>["status"];
const statusWhere = (status: Exclude<Filter, "WON">): Prisma.LeadWhereInput =>
  status === "ALL" ? {} : status === "CLOSED" ? { status: "CLOSED", quotes: { none: { status: "ACCEPTED" } } } : { status };

/** A dealer's leads, newest first. A lead whose request expired reads as closed; one the buyer chose reads as won. */
export async function listLeads(dealerId: string, input: z.infer<typeof listLeadsInput>) {
  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const rows =
    input.status === "WON"
      ? await db.lead.findMany({ where: { dealerId, id: { in: await wonLeadIdsPage(dealerId, input) } }, orderBy: order, select: dealerLeadListSelect })
      : await db.lead.findMany({
          where: { dealerId, ...statusWhere(input.status), ...(input.bodyType ? { request: { bodyType: input.bodyType } } : {}) },
          orderBy: order,
          take: PAGE + 1,
          ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
          select: dealerLeadListSelect,
        });
  const [counts, wonCount] = await Promise.all([
    leadStatusCounts(dealerId),
    wonLeadCount(dealerId),
  ]);
  if (wonCount > 0) {
    counts.WON = wonCount;
    // A capped CLOSED count stays "99+": subtracting from a capped figure would invent a number.
    if ((counts.CLOSED ?? 0) < COUNT_CAP) counts.CLOSED = Math.max(0, (counts.CLOSED ?? 0) - wonCount);
  }
  return {
    items: rows.slice(0, PAGE).map((l) => ({ ...l, status: displayStatus(l), request: { ...l.request, status: effectiveStatus(l.request) } })),
    nextCursor: rows.length > PAGE ? rows[PAGE - 1]!.id : null,
    counts,
  };
}

/**
 * The dealer's leads per stored status, each counted up to COUNT_CAP ("99+"): a few index entries per
 * status (Lead_dealerId_status_createdAt_idx) however many leads the dealer ever had.
 */
async function leadStatusCounts(dealerId: string) {
  const rows = await db.$queryRaw<{ status: string; n: number }[]>`
    SELECT s.status::text AS status,
           (SELECT count(*)::int FROM (SELECT 1 FROM "Lead" l WHERE l."dealerId" = ${dealerId} AND l."status" = s.status LIMIT ${COUNT_CAP}) x) AS n
    FROM unnest(enum_range(NULL::"LeadStatus")) AS s(status)`;
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.status, r.n])) as Partial<Record<string, number>>;
}

/**
 * One page (PAGE + 1, for "more") of the dealer's won leads, newest first, after the cursor lead. Written
 * in SQL so that 'CLOSED' and 'ACCEPTED' are literals: the planner walks the dealer's closed leads newest
 * first (Lead_dealerId_status_createdAt_idx) against the dealer's own accepted quotes
 * (Quote_dealer_accepted_idx), and stops at the page. Prisma's version hashed every accepted quote in the
 * table: 10x slower at a million leads.
 */
async function wonLeadIdsPage(dealerId: string, input: z.infer<typeof listLeadsInput>): Promise<string[]> {
  const at = input.cursor ? await db.lead.findFirst({ where: { id: input.cursor, dealerId }, select: { createdAt: true, id: true } }) : null;
  if (input.cursor && !at) return [];
  const after = at ? Prisma.sql`AND (l."createdAt", l."id") < (${at.createdAt}::timestamp, ${at.id})` : Prisma.empty;
  const body = input.bodyType ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Request" r WHERE r."id" = l."requestId" AND r."bodyType" = ${input.bodyType}::"BodyType")` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT l."id" FROM "Lead" l
    WHERE l."dealerId" = ${dealerId} AND l."status" = 'CLOSED'
      AND EXISTS (SELECT 1 FROM "Quote" q WHERE q."leadId" = l."id" AND q."dealerId" = ${dealerId} AND q."status" = 'ACCEPTED')
      ${after} ${body}
    ORDER BY l."createdAt" DESC, l."id" DESC
    LIMIT ${PAGE + 1}`;
  return rows.map((r) => r.id);
}

/**
 * Won leads, capped like every count here: the dealer's accepted quotes (accepting closes the lead, and a
 * lead has one accepted quote at most), read from Quote_dealer_accepted_idx, whose predicate the literal
 * 'ACCEPTED' matches. So a dealer with years of deals costs the same as a new one.
 */
async function wonLeadCount(dealerId: string) {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Quote" q WHERE q."dealerId" = ${dealerId} AND q."status" = 'ACCEPTED' LIMIT ${COUNT_CAP}) x`;
  return row?.n ?? 0;
}

type LeadShown = "NEW" | "VIEWED" | "QUOTED" | "PASSED" | "CLOSED" | "WON";
function displayStatus(l: { status: string; quotes: { status: string }[]; request: { status: Parameters<typeof effectiveStatus>[0]["status"]; expiresAt: Date } }): LeadShown {
  if (l.quotes.some((q) => q.status === "ACCEPTED")) return "WON";
  return l.status !== "CLOSED" && effectiveStatus(l.request) !== "OPEN" ? "CLOSED" : (l.status as LeadShown);
}

/** Opens a lead: the first look marks it viewed (the clock for response time keeps running until a quote or pass). */
export async function openLead(dealerId: string, leadId: string) {
  const marked = await db.lead.updateMany({ where: { id: leadId, dealerId, status: "NEW" }, data: { status: "VIEWED", viewedAt: new Date() } });
  const lead = await db.lead.findFirst({ where: { id: leadId, dealerId }, select: dealerLeadSelect });
  if (!lead) throw notFound("Lead not found.");
  if (marked.count > 0) await publish({ topic: topics.dealer(dealerId), type: "lead.updated", id: leadId });
  return {
    ...lead,
    status: displayStatus(lead),
    matchReasons: Array.isArray(lead.matchReasons) ? (lead.matchReasons as string[]) : [],
    request: { ...lead.request, status: effectiveStatus(lead.request) },
  };
}

export async function passLead(dealerId: string, leadId: string, reason?: string) {
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findFirst({ where: { id: leadId, dealerId }, select: { id: true, firstResponseAt: true } });
    if (!lead) throw notFound("Lead not found.");
    const { count } = await tx.lead.updateMany({
      where: { id: leadId, status: { in: ["NEW", "VIEWED"] } },
      data: { status: "PASSED", firstResponseAt: lead.firstResponseAt ?? new Date(), closedReason: reason || null },
    });
    if (count === 0) throw conflict("Only a lead you have not quoted or closed can be passed.");
    await publish({ topic: topics.dealer(dealerId), type: "lead.updated", id: leadId }, tx);
    return { id: leadId, status: "PASSED" as const };
  });
}
