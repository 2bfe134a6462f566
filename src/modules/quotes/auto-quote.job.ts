import { z } from "zod";
import { db, type Tx } from "~/server/db";
import { AppError, isRetryableTxError, isUniqueViolation } from "~/server/errors";
import { defineJob } from "~/server/jobs/define";
import { publish, topics } from "~/server/realtime";
import { isLive } from "~/modules/requests/status";
import { AUTO_QUOTE_QUEUE } from "~/modules/matching/fan-out";
import { fittingUnitsForLead, rankRequestSelect } from "~/modules/inventory/suggest-units";
import { AUTO_QUOTE_SKIP, type AutoQuoteSkip } from "./auto-quote-labels";
import { createQuoteInTx } from "./create-quote";
import { draftQuoteFromUnit } from "./draft-from-unit";
import { quoteDefaultsOf, quoteDefaultsSelect } from "./quote-defaults";
import { requestForQuoteSelect } from "./submit-quote";

export type AutoQuoteOutcome = { sent: string } | { skipped: AutoQuoteSkip } | { alreadyDone: true };

// The request as the rule reads it: what a quote needs (submit-quote's select) and what the ranking needs.
const autoRequestSelect = { ...requestForQuoteSelect, ...rankRequestSelect } as const;

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

async function decide(tx: Tx, leadId: string, now: Date): Promise<AutoQuoteOutcome> {
  const claimed = await tx.$executeRaw`UPDATE "Lead" SET "autoQuoteAt" = now() WHERE "id" = ${leadId} AND "autoQuoteAt" IS NULL`;
  if (claimed === 0) return { alreadyDone: true };
  const lead = await tx.lead.findUniqueOrThrow({
    where: { id: leadId },
    select: {
      id: true, status: true, dealerId: true, firstResponseAt: true, firstQuoteAt: true,
      request: { select: autoRequestSelect },
      dealer: { select: { autoQuoteEnabled: true, autoQuoteDiscountBps: true, autoQuoteDailyCap: true, verified: true, ...quoteDefaultsSelect } },
    },
  });
  const skip = async (reason: AutoQuoteSkip): Promise<AutoQuoteOutcome> => {
    await tx.lead.update({ where: { id: leadId }, data: { autoQuoteSkip: reason }, select: { id: true } });
    await publish({ topic: topics.dealer(lead.dealerId), type: "lead.updated", id: leadId }, tx);
    return { skipped: reason };
  };
  const { dealer, request } = lead;
  if (!dealer.autoQuoteEnabled) return skip(AUTO_QUOTE_SKIP.ruleOff);
  if (!dealer.verified) return skip(AUTO_QUOTE_SKIP.notVerified);
  // A mute or a block both mean "not this dealer": no message pings, and no unasked-for quote either.
  const block = await tx.dealerBlock.findUnique({ where: { customerId_dealerId: { customerId: request.customerId, dealerId: lead.dealerId } }, select: { kind: true } });
  if (block) return skip(AUTO_QUOTE_SKIP.blocked);
  if (lead.status !== "NEW" && lead.status !== "VIEWED") return skip(AUTO_QUOTE_SKIP.answered);
  if (!isLive(request, now)) return skip(AUTO_QUOTE_SKIP.requestClosed);

  const defaults = quoteDefaultsOf(dealer);
  const discountBps = dealer.autoQuoteDiscountBps;
  // The best fit, at the price it will be quoted at: the ranking and the budget check see the discount.
  const [best] = await fittingUnitsForLead(tx, lead.dealerId, request, defaults, { limit: 1, discountBps });
  if (!best) return skip(AUTO_QUOTE_SKIP.noFit);
  const unit = best.unit;
  const fields = draftQuoteFromUnit(unit, defaults, { discountBps, now });

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
