import type { Prisma } from "~/generated/prisma/client";
import { conflict, notFound } from "~/server/errors";
import { db } from "~/server/db";
import { publish, topics } from "~/server/realtime";
import { effectiveStatus } from "~/modules/requests/status";
import type { z } from "zod";
import type { listLeadsInput } from "./schemas";
import { dealerLeadListSelect, dealerLeadSelect } from "./selects";

const PAGE = 50;

// A won deal is a closed lead with the accepted quote: shown as "Won", not lumped in with "Closed".
const won = { status: "CLOSED", quotes: { some: { status: "ACCEPTED" } } } satisfies Prisma.LeadWhereInput;
const statusWhere = (status: z.infer<typeof listLeadsInput>["status"]): Prisma.LeadWhereInput =>
  status === "ALL" ? {} : status === "WON" ? won : status === "CLOSED" ? { status: "CLOSED", quotes: { none: { status: "ACCEPTED" } } } : { status };

/** A dealer's leads, newest first. A lead whose request expired reads as closed; one the buyer chose reads as won. */
export async function listLeads(dealerId: string, input: z.infer<typeof listLeadsInput>) {
  const where: Prisma.LeadWhereInput = {
    dealerId,
    ...statusWhere(input.status),
    ...(input.bodyType ? { request: { bodyType: input.bodyType } } : {}),
  };
  const rows = await db.lead.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: dealerLeadListSelect,
  });
  const [grouped, wonCount] = await Promise.all([
    db.lead.groupBy({ by: ["status"], where: { dealerId }, _count: { _all: true } }),
    db.lead.count({ where: { dealerId, ...won } }),
  ]);
  const counts = Object.fromEntries(grouped.map((c) => [c.status, c._count._all])) as Partial<Record<string, number>>;
  if (wonCount > 0) {
    counts.WON = wonCount;
    counts.CLOSED = (counts.CLOSED ?? 0) - wonCount;
  }
  return {
    items: rows.slice(0, PAGE).map((l) => ({ ...l, status: displayStatus(l), request: { ...l.request, status: effectiveStatus(l.request) } })),
    nextCursor: rows.length > PAGE ? rows[PAGE - 1]!.id : null,
    counts,
  };
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
