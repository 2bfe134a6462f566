import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/server/db";
import { notFound } from "~/server/errors";

const leadSelect = {
  id: true,
  requestId: true,
  dealerId: true,
  buyerAlias: true,
  status: true,
  closedReason: true,
  dealer: { select: { name: true } },
  request: { select: { customerId: true, status: true, deal: { select: { dealerId: true } } } },
} satisfies Prisma.LeadSelect;

/** The lead behind a thread, if this customer posted its request; otherwise NOT_FOUND. */
export async function leadForCustomerOrThrow(customerId: string, leadId: string, client: Tx | typeof db = db) {
  const lead = await client.lead.findFirst({ where: { id: leadId, request: { customerId } }, select: leadSelect });
  if (!lead) throw notFound("Conversation not found.");
  return lead;
}

/** The lead, if this dealer received it; another dealer's lead is NOT_FOUND, like one that does not exist. */
export async function leadForDealerOrThrow(dealerId: string, leadId: string, client: Tx | typeof db = db) {
  const lead = await client.lead.findFirst({ where: { id: leadId, dealerId }, select: leadSelect });
  if (!lead) throw notFound("Lead not found.");
  return lead;
}

type LeadState = { dealerId: string; status: string; request: { status: string; deal: { dealerId: string } | null } };

/** The dealer whose quote the buyer accepted. */
export const isWinningLead = (lead: LeadState) => lead.request.deal?.dealerId === lead.dealerId;

/** Whether either side may still write: while the request is open, and afterwards only with the winner. */
export const threadOpen = (lead: LeadState) => isWinningLead(lead) || (lead.status !== "CLOSED" && lead.status !== "WON" && lead.request.status === "OPEN");
