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

type Filter = z.infer<typeof listLeadsInput>["status"];
// Every filter, "Won" too (accepting stores WON on the lead), is one stored status: one index range.
const statusWhere = (status: Filter): Prisma.LeadWhereInput => (status === "ALL" ? {} : { status });

/** A dealer's leads, newest first. A lead whose request expired reads as closed; one the buyer chose reads as won. */
export async function listLeads(dealerId: string, input: z.infer<typeof listLeadsInput>) {
  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [rows, counts] = await Promise.all([
    db.lead.findMany({
      where: { dealerId, ...statusWhere(input.status), ...(input.bodyType ? { bodyType: input.bodyType } : {}) },
      orderBy: order,
      take: PAGE + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      select: dealerLeadListSelect,
    }),
    leadStatusCounts(dealerId, input.bodyType),
  ]);
  return {
    items: rows.slice(0, PAGE).map((l) => ({ ...l, status: displayStatus(l), request: { ...l.request, status: effectiveStatus(l.request) } })),
    nextCursor: rows.length > PAGE ? rows[PAGE - 1]!.id : null,
    counts,
  };
}

/**
 * The dealer's leads per stored status, each counted up to COUNT_CAP ("99+"), within the body-type filter
 * when one is set, so the buttons count what they would show: a few index entries per status
 * (Lead_dealerId_status_createdAt_idx, or Lead_dealerId_bodyType_status_idx) however many leads the
 * dealer ever had.
 */
async function leadStatusCounts(dealerId: string, bodyType: string | undefined) {
  const body = bodyType ? Prisma.sql`AND l."bodyType" = ${bodyType}::"BodyType"` : Prisma.empty;
  const rows = await db.$queryRaw<{ status: string; n: number }[]>`
    SELECT s.status::text AS status,
           (SELECT count(*)::int FROM (SELECT 1 FROM "Lead" l WHERE l."dealerId" = ${dealerId} AND l."status" = s.status ${body} LIMIT ${COUNT_CAP}) x) AS n
    FROM unnest(enum_range(NULL::"LeadStatus")) AS s(status)`;
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.status, r.n])) as Partial<Record<string, number>>;
}

type LeadShown = "NEW" | "VIEWED" | "QUOTED" | "PASSED" | "CLOSED" | "WON";
function displayStatus(l: { status: string; request: { status: Parameters<typeof effectiveStatus>[0]["status"]; expiresAt: Date } }): LeadShown {
  // An open lead of a request that has since closed (expired, cancelled, accepted elsewhere) reads as closed.
  return l.status !== "CLOSED" && l.status !== "WON" && effectiveStatus(l.request) !== "OPEN" ? "CLOSED" : (l.status as LeadShown);
}

/** Opens a lead: the first look marks it viewed (the clock for response time keeps running until a quote or pass). */
export async function openLead(dealerId: string, leadId: string) {
  const marked = await db.lead.updateMany({ where: { id: leadId, dealerId, status: "NEW" }, data: { status: "VIEWED", viewedAt: new Date() } });
  const lead = await db.lead.findFirst({ where: { id: leadId, dealerId }, select: dealerLeadSelect });
  if (!lead) throw notFound("Lead not found.");
  if (marked.count > 0) await publish({ topic: topics.dealer(dealerId), type: "lead.updated", id: leadId });
  // One boolean, false both without the buyer's opt-in and for a buyer who has not bought here: a dealer
  // cannot tell the two apart, so "false" reveals nothing.
  const { returningBuyerShare, ...request } = lead.request;
  return {
    ...lead,
    status: displayStatus(lead),
    matchReasons: Array.isArray(lead.matchReasons) ? (lead.matchReasons as string[]) : [],
    request: { ...request, status: effectiveStatus(lead.request), returningBuyer: returningBuyerShare?.returning === true },
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
