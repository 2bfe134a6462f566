import type { BodyType, CreditTier, VehicleCondition } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { publish, topics } from "~/server/realtime";
import { readCustomerData } from "~/modules/consent/read-customer-data";
import { CREDIT_TIERS, creditSourceLabel, tierForScore, tierLabel } from "~/modules/lending/credit-tiers";
import { emitLenderEvent } from "~/modules/lender-api/emit-lender-event";
import { decideByPolicy, policyCoversVehicle, type PolicyTier } from "~/modules/lending/policy";
import { recordDecision } from "~/modules/lending/record-decision";

export const MAX_LENDERS_PER_QUOTE = 5;
const PRE_APPROVAL_TTL_MS = 30 * 24 * 60 * 60 * 1000;

type Candidate = {
  id: string;
  name: string;
  policyActive: boolean;
  policyBodyTypes: BodyType[];
  policyNew: boolean;
  policyUsed: boolean;
  tiers: PolicyTier[];
};

/**
 * Whether a lender wants this request at all: its scope takes the vehicle, and (when it publishes tiers)
 * some tier overlapping the buyer's band lends this amount. An unknown band matches any tier.
 */
export function lenderSuits(l: Candidate, r: { tier: CreditTier | null; amountCents: number; condition: VehicleCondition; bodyType: BodyType }) {
  if (!policyCoversVehicle({ bodyTypes: l.policyBodyTypes, allowNew: l.policyNew, allowUsed: l.policyUsed }, r.condition, r.bodyType)) return false;
  if (l.tiers.length === 0) return !l.policyActive; // an API-only lender with no table decides everything itself
  const band = r.tier ? CREDIT_TIERS.find((t) => t.tier === r.tier)! : { minScore: 300, maxScore: 850 };
  return l.tiers.some((t) => t.maxScore >= band.minScore && t.minScore <= band.maxScore && t.maxAmountCents >= r.amountCents);
}

/** Lowest APR a lender's table offers the band: the buyer sees the cheapest lenders first. */
function bestApr(l: Candidate, tier: CreditTier | null, condition: VehicleCondition) {
  const band = tier ? CREDIT_TIERS.find((t) => t.tier === tier)! : { minScore: 300, maxScore: 850 };
  const aprs = l.tiers.filter((t) => t.maxScore >= band.minScore && t.minScore <= band.maxScore).map((t) => (condition === "NEW" ? t.aprNewBps : t.aprUsedBps));
  return aprs.length ? Math.min(...aprs) : Number.MAX_SAFE_INTEGER;
}

/**
 * Job "lending.pre-approve-quote": asks up to 5 suitable lenders to pre-approve the quote's amount
 * financed, if the buyer granted their credit profile for this request. Idempotent: re-running for the
 * same quote version changes nothing; a new quote version re-requests every lender on the quote.
 */
export async function preApproveQuote(quoteId: string) {
  const quote = await db.quote.findUnique({
    where: { id: quoteId },
    select: {
      id: true,
      status: true,
      version: true,
      amountFinancedCents: true,
      validUntil: true,
      condition: true,
      requestId: true,
      request: { select: { status: true, customerId: true, bodyType: true, condition: true, creditTier: true, wantsFinancing: true, termMonths: true } },
      preApprovals: { select: { id: true, lenderId: true, quoteVersion: true, status: true } },
    },
  });
  if (!quote || quote.status !== "ACTIVE" || quote.request.status !== "OPEN" || !quote.request.wantsFinancing) return { requested: 0 };
  if (quote.amountFinancedCents <= 0) return { requested: 0 };
  const req = quote.request;
  const now = new Date();

  const grants = await db.consentGrant.findMany({
    where: {
      customerId: req.customerId,
      requestId: quote.requestId,
      revokedAt: null,
      expiresAt: { gt: now },
      fields: { has: "CREDIT" },
      granteeType: { in: ["ALL_LENDERS", "LENDERS"] },
    },
    select: { granteeType: true, lenderIds: true },
  });
  if (grants.length === 0) return { requested: 0 };
  // No band on file (say it was removed after posting): no lender can decide, so none is asked. Asking
  // would only produce declines, and adverse-action notices, for an input that is missing.
  const onFile = await db.customerProfile.findUnique({ where: { userId: req.customerId }, select: { creditTier: true } });
  if (!onFile?.creditTier) return { requested: 0 };
  const allLenders = grants.some((g) => g.granteeType === "ALL_LENDERS");
  const allowed = new Set(grants.flatMap((g) => g.lenderIds));

  const lenders: Candidate[] = await db.lender.findMany({
    where: { verified: true, ...(allLenders ? {} : { id: { in: [...allowed] } }) },
    select: {
      id: true,
      name: true,
      policyActive: true,
      policyBodyTypes: true,
      policyNew: true,
      policyUsed: true,
      tiers: { select: { minScore: true, maxScore: true, aprNewBps: true, aprUsedBps: true, maxTermMonths: true, maxAmountCents: true, maxPtiBps: true } },
    },
  });
  // Priced on the car the dealer quoted, not on the request's "new or used" wish.
  const ask = { tier: req.creditTier, amountCents: quote.amountFinancedCents, condition: quote.condition, bodyType: req.bodyType };
  const suitable = lenders.filter((l) => lenderSuits(l, ask));
  const already = new Set(quote.preApprovals.filter((p) => p.status !== "CANCELLED").map((p) => p.lenderId));
  // Lenders already on the quote keep their place on a revision; new ones fill the rest, cheapest first.
  const picked = [
    ...suitable.filter((l) => already.has(l.id)),
    ...suitable.filter((l) => !already.has(l.id)).sort((a, b) => bestApr(a, req.creditTier, quote.condition) - bestApr(b, req.creditTier, quote.condition) || a.id.localeCompare(b.id)),
  ].slice(0, MAX_LENDERS_PER_QUOTE);
  const pickedIds = new Set(picked.map((l) => l.id));

  // Lenders no longer suitable after a revision (e.g. the amount grew past their limit) are released.
  for (const p of quote.preApprovals) {
    if (!pickedIds.has(p.lenderId) && (p.status === "PENDING" || p.quoteVersion < quote.version)) await cancelOne(p.id, p.lenderId, "no_longer_suitable");
  }
  const expiresAt = new Date(Math.min(quote.validUntil.getTime(), now.getTime() + PRE_APPROVAL_TTL_MS));
  for (const lender of picked) await requestOne(quote, lender, expiresAt);
  if (picked.length || quote.preApprovals.length) await publish({ topic: topics.request(quote.requestId), type: "pre_approval.updated", id: quote.id });
  return { requested: picked.length };
}

type QuoteForRequest = {
  id: string;
  version: number;
  amountFinancedCents: number;
  condition: VehicleCondition;
  requestId: string;
  request: { customerId: string; bodyType: BodyType; termMonths: number | null };
};

async function requestOne(quote: QuoteForRequest, lender: Candidate, expiresAt: Date) {
  await db.$transaction(async (tx) => {
    const existing = await tx.preApproval.findUnique({
      where: { quoteId_lenderId: { quoteId: quote.id, lenderId: lender.id } },
      select: { id: true, quoteVersion: true, status: true, decisionVersion: true },
    });
    if (existing && existing.quoteVersion === quote.version && existing.status !== "CANCELLED") return; // already asked for this version
    const reset = { status: "PENDING" as const, quoteVersion: quote.version, amountCents: quote.amountFinancedCents, expiresAt, aprBps: null, termMonths: null, maxAmountCents: null, monthlyPaymentCents: null, conditions: [], reasons: [], source: null, decidedAt: null };
    // decisionVersion restarts per quote version: decisions name the quote version they answer.
    const row = existing
      ? await tx.preApproval.update({ where: { id: existing.id }, data: { ...reset, decisionVersion: 0 }, select: { id: true } })
      : await tx.preApproval.create({ data: { ...reset, quoteId: quote.id, requestId: quote.requestId, lenderId: lender.id }, select: { id: true } });

    if (!lender.policyActive) {
      const data = { pre_approval_id: row.id, request_id: quote.requestId, quote_id: quote.id, quote_version: quote.version, amount_cents: quote.amountFinancedCents };
      await emitLenderEvent(tx, { lenderId: lender.id, type: "pre_approval.requested", data });
      if (existing) await emitLenderEvent(tx, { lenderId: lender.id, type: "quote.revised", data });
      return;
    }

    let profile;
    try {
      profile = await readCustomerData(
        {
          reader: { type: "LENDER", id: lender.id, label: lender.name },
          customerId: quote.request.customerId,
          fields: ["CREDIT", "INCOME"],
          purpose: `Automatic pre-approval decision for quote ${quote.id}`,
          requestId: quote.requestId,
          channel: "job",
        },
        tx,
      );
    } catch (e) {
      // The grant no longer covers credit and income for this lender: leave the request pending, unread.
      if (e instanceof AppError && e.code === "NOT_FOUND") return;
      throw e;
    }
    const score = profile.credit?.score ?? null;
    const tier = profile.credit?.tier ?? (score === null ? null : tierForScore(score));
    // Neither a score nor a band: leave the request pending for an underwriter rather than decline for a
    // missing input. (preApproveQuote checks for a band first; this covers a band removed in between.)
    if (tier === null) return;
    // A band without a score (self-reported) is decided at the band's lowest score: never better than stated.
    const scoreForPolicy = score ?? CREDIT_TIERS.find((t) => t.tier === tier)!.minScore;
    const decision = decideByPolicy(
      { active: true, bodyTypes: lender.policyBodyTypes, allowNew: lender.policyNew, allowUsed: lender.policyUsed, tiers: lender.tiers },
      {
        score: scoreForPolicy,
        tier,
        annualIncomeCents: profile.income?.annualIncomeCents ?? 0,
        housingCostCents: profile.income?.housingCostCents ?? 0,
        amountCents: quote.amountFinancedCents,
        condition: quote.condition,
        bodyType: quote.request.bodyType,
        termMonths: quote.request.termMonths,
      },
    );
    const scoreSource = score === null ? `${creditSourceLabel(profile.credit?.source)}: band ${tierLabel(tier)}` : creditSourceLabel(profile.credit?.source);
    const version = { decisionVersion: 1, quoteVersion: quote.version };
    await recordDecision(tx, {
      preApprovalId: row.id,
      lenderId: lender.id,
      source: "AUTO_POLICY",
      score: { value: score, source: scoreSource },
      decision:
        decision.outcome === "declined"
          ? { decision: "declined", ...version, reasons: decision.reasons }
          : decision.outcome === "conditional"
            ? { decision: "conditional", ...version, aprBps: decision.aprBps, termMonths: decision.termMonths, maxAmountCents: decision.maxAmountCents, conditions: decision.conditions }
            : { decision: "approved", ...version, aprBps: decision.aprBps, termMonths: decision.termMonths, maxAmountCents: decision.maxAmountCents },
    });
  });
}

async function cancelOne(preApprovalId: string, lenderId: string, reason: string) {
  await db.$transaction(async (tx) => {
    const done = await tx.preApproval.updateMany({ where: { id: preApprovalId, status: { in: ["PENDING", "APPROVED", "CONDITIONAL"] } }, data: { status: "CANCELLED" } });
    if (done.count > 0) await emitLenderEvent(tx, { lenderId, type: "pre_approval.cancelled", data: { pre_approval_id: preApprovalId, reason } });
  });
}

/**
 * Job "lending.cancel-quote": the quote closed (withdrawn, declined, request cancelled or accepted). Every
 * open decision on it — pending, approved or conditional — is cancelled and its lender told, except the
 * pre-approval the buyer attached to their deal (`keepPreApprovalId`). Cancelled rows keep their offer
 * figures as the record of what was offered.
 */
export async function cancelQuotePreApprovals(quoteId: string, keepPreApprovalId?: string) {
  const open = ["PENDING", "APPROVED", "CONDITIONAL"] as const;
  const rows = await db.preApproval.findMany({
    where: { quoteId, status: { in: [...open] }, ...(keepPreApprovalId ? { id: { not: keepPreApprovalId } } : {}) },
    select: { id: true, lenderId: true, requestId: true },
  });
  for (const r of rows) {
    await db.$transaction(async (tx) => {
      const done = await tx.preApproval.updateMany({ where: { id: r.id, status: { in: [...open] } }, data: { status: "CANCELLED" } });
      if (done.count > 0) await emitLenderEvent(tx, { lenderId: r.lenderId, type: "pre_approval.cancelled", data: { pre_approval_id: r.id, quote_id: quoteId, reason: keepPreApprovalId ? "buyer_chose_another_lender" : "quote_closed" } });
    });
  }
  if (rows.length) await publish({ topic: topics.request(rows[0]!.requestId), type: "pre_approval.updated", id: quoteId });
  return { cancelled: rows.length };
}
