import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import type { Actor } from "~/server/auth/session";
import { bestFinancing, type Financing } from "~/modules/inbox/best-financing";
import { disclosure } from "~/modules/lending/amortization";
import { countersOf, dealerCountersSelect, summarise, topReasonText } from "~/modules/ratings/reasons";
import { recentComments, type PublicComment } from "~/modules/ratings/recent-comments";

// What the customer sees of a quote: the vehicle, the money, the dealer's public face and the decisions.
export const customerQuoteSelect = {
  id: true,
  version: true,
  status: true,
  needsReconfirm: true,
  // Whether the car was sold or repriced since the quote was sent (never which unit, nor the new price).
  unitChange: true,
  autoSent: true,
  validUntil: true,
  withdrawnReason: true,
  year: true,
  make: true,
  model: true,
  trim: true,
  mileage: true,
  inStock: true,
  vehiclePriceCents: true,
  feesCents: true,
  addOnsCents: true,
  incentivesCents: true,
  tradeInOfferCents: true,
  taxCents: true,
  otdCents: true,
  amountFinancedCents: true,
  updatedAt: true,
  dealer: { select: { id: true, name: true, city: true, state: true, responseMedianSeconds: true, responseWithin5mBps: true, responseSampleSize: true, deliveriesCount: true, honouredCount: true, ...dealerCountersSelect } },
  lead: { select: { id: true, distanceMiles: true, createdAt: true, firstResponseAt: true } },
  preApprovals: {
    select: { id: true, status: true, aprBps: true, termMonths: true, quoteVersion: true, expiresAt: true, conditions: true, lender: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.QuoteSelect;

export type InboxQuote = {
  id: string;
  version: number;
  status: string;
  open: boolean;
  needsReconfirm: boolean;
  /** The car was sold or repriced after this quote was sent: not acceptable until the dealer re-confirms. */
  unitChanged: boolean;
  autoSent: boolean;
  withdrawn: boolean;
  withdrawnReason: string | null;
  validUntil: Date;
  vehicle: { year: number; make: string; model: string; trim: string | null; mileage: number; inStock: boolean };
  inStock: boolean;
  breakdown: { vehiclePriceCents: number; feesCents: number; addOnsCents: number; incentivesCents: number; tradeInOfferCents: number; taxCents: number };
  otdCents: number;
  amountFinancedCents: number;
  dealerId: string;
  dealerName: string;
  dealerPlace: string;
  leadId: string;
  distanceMiles: number;
  dealerRating: number | null;
  dealerRatingCount: number;
  /** Share (0–1) of the dealer's ratings that said the price was as quoted; null below the minimum count. */
  priceAsQuotedShare: number | null;
  /** "92% say price as quoted", when the dealer has enough ratings. */
  topReason: string | null;
  /** The dealer's newest visible comments, each with the dealer's one answer. */
  comments: PublicComment[];
  responseMinutes: number | null;
  /** How fast this dealer usually answers (its last 90 days, stored on the dealer by the speed job). */
  dealerSpeed: { medianSeconds: number; within5mBps: number | null; leads: number } | null;
  /** Deliveries at the accepted price (or lower), out of all the dealer's recorded deliveries. */
  priceHonoured: { deliveries: number; honoured: number };
  financing: Financing | null;
  lenders: { pending: number; declined: number; usable: number };
  updatedAt: Date;
};

/** The request's quotes for its owner, normalised for comparison. Another customer's request is NOT_FOUND. */
export async function getInbox({ actor, requestId }: { actor: Actor; requestId: string }) {
  const request = await db.request.findFirst({
    where: { id: requestId, customerId: actor.userId },
    select: {
      id: true,
      status: true,
      matchedCount: true,
      fannedOutAt: true,
      radiusMiles: true,
      downPaymentCents: true,
      wantsFinancing: true,
      threadOnly: true,
      deal: { select: { id: true, quoteId: true, preApprovalId: true, createdAt: true, ratings: { select: { target: true, stars: true } } } },
    },
  });
  if (!request) throw notFound("Request not found.");

  const rows = await db.quote.findMany({ where: { requestId }, select: customerQuoteSelect, orderBy: { createdAt: "asc" } });
  const dealerIds = [...new Set(rows.map((r) => r.dealer.id))];
  // Ratings come from counters on each dealer row (raised with each rating) and a few comments per dealer:
  // this read grows with the request's quotes, never with a dealer's ratings.
  const comments = await recentComments(dealerIds);
  const now = new Date();

  const quotes: InboxQuote[] = rows.map((q) => {
    const decisions = q.preApprovals.map((p) => ({ ...p, lenderName: p.lender.name }));
    const current = decisions.filter((d) => d.quoteVersion === q.version);
    const rating = summarise(countersOf(q.dealer));
    return {
      id: q.id,
      version: q.version,
      status: q.status,
      open: q.status === "ACTIVE" && !q.needsReconfirm && q.unitChange == null && q.validUntil > now && request.status === "OPEN",
      needsReconfirm: q.needsReconfirm,
      unitChanged: q.status === "ACTIVE" && q.unitChange != null,
      autoSent: q.autoSent,
      withdrawn: q.status === "WITHDRAWN",
      withdrawnReason: q.withdrawnReason,
      validUntil: q.validUntil,
      vehicle: { year: q.year, make: q.make, model: q.model, trim: q.trim, mileage: q.mileage, inStock: q.inStock },
      inStock: q.inStock,
      breakdown: {
        vehiclePriceCents: q.vehiclePriceCents,
        feesCents: q.feesCents,
        addOnsCents: q.addOnsCents,
        incentivesCents: q.incentivesCents,
        tradeInOfferCents: q.tradeInOfferCents,
        taxCents: q.taxCents,
      },
      otdCents: q.otdCents,
      amountFinancedCents: q.amountFinancedCents,
      dealerId: q.dealer.id,
      dealerName: q.dealer.name,
      dealerPlace: `${q.dealer.city}, ${q.dealer.state}`,
      leadId: q.lead.id,
      distanceMiles: q.lead.distanceMiles,
      dealerRating: rating.average,
      dealerRatingCount: rating.count,
      priceAsQuotedShare: rating.shares?.priceAsQuoted ?? null,
      topReason: topReasonText(rating),
      comments: comments.get(q.dealer.id) ?? [],
      responseMinutes: q.lead.firstResponseAt ? Math.max(0, Math.round((q.lead.firstResponseAt.getTime() - q.lead.createdAt.getTime()) / 60_000)) : null,
      dealerSpeed: q.dealer.responseMedianSeconds != null ? { medianSeconds: q.dealer.responseMedianSeconds, within5mBps: q.dealer.responseWithin5mBps, leads: q.dealer.responseSampleSize } : null,
      priceHonoured: { deliveries: q.dealer.deliveriesCount, honoured: q.dealer.honouredCount },
      financing: bestFinancing(q.amountFinancedCents, q.version, decisions, now),
      lenders: {
        pending: current.filter((d) => d.status === "PENDING").length,
        declined: current.filter((d) => d.status === "DECLINED").length,
        usable: current.filter((d) => d.status === "APPROVED" || d.status === "CONDITIONAL").length,
      },
      updatedAt: q.updatedAt,
    };
  });

  const usableDecisions = Object.fromEntries(
    rows.map((q) => [
      q.id,
      q.preApprovals
        .filter((p) => (p.status === "APPROVED" || p.status === "CONDITIONAL") && p.quoteVersion === q.version && p.expiresAt > now && p.aprBps != null && p.termMonths)
        .map((p) => ({ id: p.id, lenderName: p.lender.name, status: p.status, aprBps: p.aprBps!, termMonths: p.termMonths!, conditions: p.conditions }))
        // Cheapest credit first, the same order bestFinancing picks from, so the default choice leads.
        .sort((a, b) => disclosure(q.amountFinancedCents, a.aprBps, a.termMonths).financeChargeCents - disclosure(q.amountFinancedCents, b.aprBps, b.termMonths).financeChargeCents || a.aprBps - b.aprBps || Number(a.status === "CONDITIONAL") - Number(b.status === "CONDITIONAL")),
    ]),
  );

  const deal = request.deal
    ? { id: request.deal.id, quoteId: request.deal.quoteId, preApprovalId: request.deal.preApprovalId, createdAt: request.deal.createdAt, rated: request.deal.ratings.map((r) => r.target) }
    : null;
  return { request: { id: request.id, status: request.status, matchedCount: request.matchedCount, matched: request.fannedOutAt != null, radiusMiles: request.radiusMiles, wantsFinancing: request.wantsFinancing, threadOnly: request.threadOnly }, quotes, usableDecisions, deal };
}

export type Inbox = Awaited<ReturnType<typeof getInbox>>;
