import { z } from "zod";
import type { BodyType, Condition, CreditTier, LeadStatus, RequestStatus } from "~/generated/prisma/enums";
import { db, type Tx } from "~/server/db";
import { AppError, isRetryableTxError, isUniqueViolation } from "~/server/errors";
import { defineJob } from "~/server/jobs/define";
import { publish, topics } from "~/server/realtime";
import { isLive } from "~/modules/requests/status";
import { termBreaches, termsOf } from "~/modules/requests/buyer-terms";
import { AUTO_QUOTE_QUEUE } from "~/modules/matching/fan-out";
import { fittingUnitsForLead } from "~/modules/inventory/suggest-units";
import { AUTO_QUOTE_SKIP, type AutoQuoteSkip } from "./auto-quote-labels";
import { createQuoteInTx } from "./create-quote";
import { draftQuoteFromUnit } from "./draft-from-unit";
import { quoteDefaultsOf } from "./quote-defaults";

export type AutoQuoteOutcome = { sent: string } | { skipped: AutoQuoteSkip } | { alreadyDone: true };


const MAX_ATTEMPTS = 3;

/**
 * The dealer's automatic rule answers one lead, at most once whatever happens to the job: the first
 * statement claims the lead (autoQuoteAt goes from null to now), so a second run, or one racing this
 * one, matches no row and does nothing; and the claim, the decision and the quote commit together, so
 * a run that dies leaves the lead unclaimed for the retry. The rule is checked again here, not trusted
 * from fan-out: the dealer may have turned it off, the buyer muted them, or someone quoted meanwhile.
 * A quote counts against the dealer's daily cap in the same transaction, raised only while under it.
 */
export async function autoQuoteLead(leadId: string, now = new Date()): Promise<AutoQuoteOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => decide(tx, leadId, now), { maxWait: 10_000, timeout: 20_000 });
    } catch (e) {
      if (attempt < MAX_ATTEMPTS && isRetryableTxError(e)) continue;
      // A live quote appeared between the status check and the insert (Quote_one_live_per_lead), or the
      // draft did not pass the quote rules: record why, in a claim of its own, so the lead is not retried.
      if (isUniqueViolation(e)) return skipAlone(leadId, AUTO_QUOTE_SKIP.answered);
      if (e instanceof AppError && e.code !== "INTERNAL") return skipAlone(leadId, AUTO_QUOTE_SKIP.draftRefused);
      throw e;
    }
  }
}

type ClaimedRow = {
  id: string; status: LeadStatus; dealerId: string; firstResponseAt: Date | null; firstQuoteAt: Date | null; blocked: boolean;
  requestId: string; customerId: string; requestStatus: RequestStatus; expiresAt: Date; version: number; downPaymentCents: number; tradeInYear: number | null;
  condition: Condition; bodyType: BodyType; makes: string[]; model: string | null; yearMin: number | null; yearMax: number | null; maxMileage: number | null;
  features: string[]; maxPriceCents: number | null; maxMonthlyCents: number | null; termMonths: number | null; creditTier: CreditTier | null;
  noAddOns: boolean; maxFeesCents: number | null; minValidDays: number | null; threadOnly: boolean; inStockOnly: boolean;
  autoQuoteEnabled: boolean; autoQuoteDiscountBps: number; autoQuoteDailyCap: number; verified: boolean;
  state: string; docFeeCents: number; addOnsCents: number; addOnsLabel: string | null; taxRateBps: number | null; quoteValidDays: number;
};

/**
 * The claim, and everything the decision reads, in one statement: this job runs once per lead of every
 * request, and its round trips were most of its cost (bench/post-to-quote.mts). Zero rows: already claimed.
 */
async function claimLead(tx: Tx, leadId: string): Promise<ClaimedRow | undefined> {
  const rows = await tx.$queryRaw<ClaimedRow[]>`
    WITH claimed AS (
      UPDATE "Lead" SET "autoQuoteAt" = now() WHERE "id" = ${leadId} AND "autoQuoteAt" IS NULL
      RETURNING "id", "status", "dealerId", "requestId", "firstResponseAt", "firstQuoteAt")
    SELECT l."id", l."status", l."dealerId", l."firstResponseAt", l."firstQuoteAt",
           EXISTS (SELECT 1 FROM "DealerBlock" b WHERE b."customerId" = r."customerId" AND b."dealerId" = l."dealerId") AS "blocked",
           r."id" AS "requestId", r."customerId", r."status" AS "requestStatus", r."expiresAt", r."version", r."downPaymentCents", r."tradeInYear",
           r."condition", r."bodyType", r."makes", r."model", r."yearMin", r."yearMax", r."maxMileage", r."features",
           r."maxPriceCents", r."maxMonthlyCents", r."termMonths", r."creditTier",
           r."noAddOns", r."maxFeesCents", r."minValidDays", r."threadOnly", r."inStockOnly",
           d."autoQuoteEnabled", d."autoQuoteDiscountBps", d."autoQuoteDailyCap", d."verified",
           d."state", d."docFeeCents", d."addOnsCents", d."addOnsLabel", d."taxRateBps", d."quoteValidDays"
    FROM claimed l JOIN "Request" r ON r."id" = l."requestId" JOIN "Dealer" d ON d."id" = l."dealerId"`;
  return rows[0];
}

async function decide(tx: Tx, leadId: string, now: Date): Promise<AutoQuoteOutcome> {
  const row = await claimLead(tx, leadId);
  if (!row) return { alreadyDone: true };
  const dealer = row;
  const request = {
    id: row.requestId, customerId: row.customerId, status: row.requestStatus, expiresAt: row.expiresAt, version: row.version, downPaymentCents: row.downPaymentCents,
    tradeInYear: row.tradeInYear, condition: row.condition, bodyType: row.bodyType, makes: row.makes, model: row.model, yearMin: row.yearMin, yearMax: row.yearMax,
    maxMileage: row.maxMileage, features: row.features, maxPriceCents: row.maxPriceCents, maxMonthlyCents: row.maxMonthlyCents, termMonths: row.termMonths, creditTier: row.creditTier,
    ...termsOf(row),
  };
  // The shape dealerLeadOrNotFound loads, which createQuoteInTx takes.
  const lead = { id: row.id, status: row.status, dealerId: row.dealerId, firstResponseAt: row.firstResponseAt, firstQuoteAt: row.firstQuoteAt, request };
  const skip = async (reason: AutoQuoteSkip): Promise<AutoQuoteOutcome> => {
    await tx.lead.update({ where: { id: leadId }, data: { autoQuoteSkip: reason }, select: { id: true } });
    await publish({ topic: topics.dealer(lead.dealerId), type: "lead.updated", id: leadId }, tx);
    return { skipped: reason };
  };
  if (!dealer.autoQuoteEnabled) return skip(AUTO_QUOTE_SKIP.ruleOff);
  if (!dealer.verified) return skip(AUTO_QUOTE_SKIP.notVerified);
  // A mute or a block both mean "not this dealer": no message pings, and no unasked-for quote either.
  if (row.blocked) return skip(AUTO_QUOTE_SKIP.blocked);
  if (lead.status !== "NEW" && lead.status !== "VIEWED") return skip(AUTO_QUOTE_SKIP.answered);
  if (!isLive(request, now)) return skip(AUTO_QUOTE_SKIP.requestClosed);

  const defaults = quoteDefaultsOf(dealer);
  const discountBps = dealer.autoQuoteDiscountBps;
  // The best fit, at the price it will be quoted at: the ranking and the budget check see the discount.
  const [best] = await fittingUnitsForLead(tx, lead.dealerId, request, defaults, { limit: 1, discountBps });
  if (!best) return skip(AUTO_QUOTE_SKIP.noFit);
  const unit = best.unit;
  const fields = draftQuoteFromUnit(unit, defaults, { discountBps, now });
  // The rule sends the dealer's standard lines as they are; it never trims a fee or an add-on to fit.
  if (Object.keys(termBreaches(request, fields, now)).length > 0) return skip(AUTO_QUOTE_SKIP.buyerTerms);

  // The cap last, so a lead the rule could not answer anyway does not use up a place.
  const placed = await tx.$executeRaw`
    INSERT INTO "DealerAutoQuoteDay" ("dealerId", "day", "count") VALUES (${lead.dealerId}, (now() AT TIME ZONE 'UTC')::date, 1)
    ON CONFLICT ("dealerId", "day") DO UPDATE SET "count" = "DealerAutoQuoteDay"."count" + 1
      WHERE "DealerAutoQuoteDay"."count" < ${dealer.autoQuoteDailyCap}`;
  if (placed === 0) return skip(AUTO_QUOTE_SKIP.capReached);

  const quote = await createQuoteInTx(tx, { dealerId: lead.dealerId, lead, fields, inventoryUnitId: unit.id, autoSent: true });
  return { sent: quote.id };
}

/** Claims the lead and records only why nothing was sent (after the decision's transaction was undone). */
async function skipAlone(leadId: string, reason: AutoQuoteSkip): Promise<AutoQuoteOutcome> {
  const n = await db.$executeRaw`UPDATE "Lead" SET "autoQuoteAt" = now(), "autoQuoteSkip" = ${reason} WHERE "id" = ${leadId} AND "autoQuoteAt" IS NULL`;
  return n === 0 ? { alreadyDone: true } : { skipped: reason };
}

export const autoQuoteJob = defineJob({
  id: AUTO_QUOTE_QUEUE,
  // Slots of its own: an automatic quote is the buyer's first answer, and waits behind no housekeeping.
  pool: "quotes",
  schema: z.object({ leadId: z.string().min(1).max(40) }),
  maxAttempts: 8,
  backoffMs: 1_000,
  handler: async ({ leadId }) => {
    await autoQuoteLead(leadId);
  },
});
