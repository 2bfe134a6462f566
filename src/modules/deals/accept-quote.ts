import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/server/db";
import { AppError, conflict, isRetryableTxError, isUniqueViolation, notFound } from "~/server/errors";
import type { Actor } from "~/server/auth/session";
import { enqueue } from "~/server/jobs/queue";
import { publish, topics } from "~/server/realtime";
import { notify } from "~/modules/notifications/notify";
import { emitLenderEvent } from "~/modules/lender-api/emit-lender-event";
import { grantContactToDealer } from "~/modules/consent/grant-contact-to-dealer";
import { CONTACT_SHARE_TEXT } from "~/modules/consent/texts";
import type { TAcceptQuoteInput } from "~/modules/deals/schemas";
import { possessive } from "~/lib/format";
import { CRM_PLAN_RESEND_QUEUE } from "~/modules/crm/queues";

export const QUOTE_CHANGED = "The quote changed — please review it.";
export const ALREADY_ACCEPTED = "You already accepted a quote on this request.";
export const UNIT_CHANGED = "This car may no longer be available — the dealer has been asked to re-confirm.";
const MAX_ATTEMPTS = 4;
// Shown to dealers on the lead. The losing dealers learn only that the request closed.
export const WON_REASON = "The buyer accepted your quote.";
export const CLOSED_REASON = "This request has closed.";

const dealSelect = { id: true, requestId: true, quoteId: true, dealerId: true, lenderId: true, preApprovalId: true, otdCents: true, quoteVersion: true, createdAt: true } satisfies Prisma.DealSelect;
export type AcceptedDeal = Prisma.DealGetPayload<{ select: typeof dealSelect }>;

/** For tests: runs inside the transaction after every write, so a throw there must undo all of them. */
export type AcceptHooks = { afterWrites?: (tx: Tx) => Promise<void> };

/**
 * The customer accepts one quote. Exactly one deal per request is enforced by the database: the request
 * flips OPEN→ACCEPTED with a conditional UPDATE (concurrent accepts queue on that row lock and the losers
 * match no row), the quote flips ACTIVE→ACCEPTED only at the version the customer saw, and Deal.requestId
 * is unique as a last line. A retry of the same accept returns the same deal.
 */
export async function acceptQuote(input: TAcceptQuoteInput & { actor: Actor }, hooks: AcceptHooks = {}): Promise<AcceptedDeal> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => acceptInTx(tx, input, hooks), { maxWait: 20_000, timeout: 30_000 });
    } catch (e) {
      if (attempt < MAX_ATTEMPTS && isRetryableTxError(e)) continue;
      if (isUniqueViolation(e)) {
        const same = await existingDealFor(db, input.actor.userId, input.quoteId);
        if (same) return replayAt(same, input.version);
        throw conflict(ALREADY_ACCEPTED);
      }
      throw e;
    }
  }
}

async function existingDealFor(client: Tx | typeof db, customerId: string, quoteId: string) {
  return client.deal.findFirst({ where: { quoteId, customerId }, select: dealSelect });
}

/**
 * A replay is the same accept again: same quote and the same version. An accept naming any other version
 * (an older one, or one that never existed) did not see the terms the deal was made on, so it is told the
 * quote changed rather than handed a deal it never agreed to.
 */
function replayAt(deal: AcceptedDeal, version: number): AcceptedDeal {
  if (deal.quoteVersion !== version) throw conflict(QUOTE_CHANGED);
  return deal;
}

async function acceptInTx(tx: Tx, input: TAcceptQuoteInput & { actor: Actor }, hooks: AcceptHooks): Promise<AcceptedDeal> {
  const { actor, quoteId, version } = input;
  const quote = await tx.quote.findFirst({
    where: { id: quoteId, request: { customerId: actor.userId } },
    select: { id: true, requestId: true, dealerId: true, leadId: true, request: { select: { threadOnly: true } } },
  });
  if (!quote) throw notFound("Quote not found.");

  // Row lock on the request: concurrent accepts (any quote, any tab) wait here and then match nothing.
  const flipped = await tx.$executeRaw`
    UPDATE "Request" SET "status" = 'ACCEPTED', "updatedAt" = now()
    WHERE "id" = ${quote.requestId} AND "customerId" = ${actor.userId} AND "status" = 'OPEN'`;
  if (flipped === 0) {
    const same = await existingDealFor(tx, actor.userId, quoteId);
    if (same) return replayAt(same, version);
    const req = await tx.request.findUnique({ where: { id: quote.requestId }, select: { status: true } });
    throw conflict(req?.status === "ACCEPTED" ? ALREADY_ACCEPTED : "This request is no longer open.");
  }

  // The price recorded on the deal is the one of the version that was accepted, read under the row lock.
  const taken = await tx.$queryRaw<{ otdCents: number }[]>`
    UPDATE "Quote" SET "status" = 'ACCEPTED', "updatedAt" = now()
    WHERE "id" = ${quoteId} AND "status" = 'ACTIVE' AND "version" = ${version}
      AND "needsReconfirm" = false AND "unitChange" IS NULL AND "validUntil" > now()
    RETURNING "otdCents"`;
  if (taken.length === 0) throw await whyQuoteUnavailable(tx, quoteId, version);

  const preApproval = input.preApprovalId ? await usablePreApproval(tx, input.preApprovalId, quoteId, version) : null;

  const deal = await tx.deal.create({
    data: {
      requestId: quote.requestId,
      quoteId,
      customerId: actor.userId,
      dealerId: quote.dealerId,
      lenderId: preApproval?.lenderId ?? null,
      preApprovalId: preApproval?.id ?? null,
      quoteVersion: version,
      otdCents: taken[0]!.otdCents,
    },
    select: dealSelect,
  });

  await closeTheRest(tx, { requestId: quote.requestId, winningQuoteId: quoteId, winningLeadId: quote.leadId, winningDealerId: quote.dealerId });
  // The accept dialog shows CONTACT_SHARE_TEXT next to the button: accepting is the instruction to share.
  // A buyer whose terms say "only through the thread" is shown THREAD_ONLY_ACCEPT_TEXT instead, and shares nothing.
  if (!quote.request.threadOnly) {
    await grantContactToDealer(tx, { customerId: actor.userId, dealerId: quote.dealerId, requestId: quote.requestId, consentText: CONTACT_SHARE_TEXT.text });
    // The accepted dealer's CRM gets the lead again (ADF status "resend") with the contact this grant allows.
    await enqueue(tx, CRM_PLAN_RESEND_QUEUE, { leadId: quote.leadId });
  }

  // The winning quote's other lenders are told the buyer went another way; the chosen one is kept.
  await enqueue(tx, "lending.cancel-quote", { quoteId, ...(preApproval ? { keepPreApprovalId: preApproval.id } : {}) });
  if (preApproval) {
    await emitLenderEvent(tx, {
      lenderId: preApproval.lenderId,
      type: "deal.accepted",
      data: { dealId: deal.id, preApprovalId: preApproval.id, quoteId, amountCents: preApproval.amountCents },
    });
  }
  await publish({ topic: topics.request(quote.requestId), type: "deal.accepted", id: deal.id }, tx);
  await hooks.afterWrites?.(tx);
  return deal;
}

async function whyQuoteUnavailable(tx: Tx, quoteId: string, version: number): Promise<AppError> {
  const q = await tx.quote.findUnique({ where: { id: quoteId }, select: { status: true, version: true, needsReconfirm: true, unitChange: true, validUntil: true } });
  if (!q) return notFound("Quote not found.");
  if (q.status === "WITHDRAWN") return conflict("The dealer withdrew this quote.");
  if (q.status !== "ACTIVE") return conflict("This quote is no longer open.");
  if (q.version !== version) return conflict(QUOTE_CHANGED);
  if (q.needsReconfirm) return conflict("The dealer has not re-confirmed this quote since you edited your request.");
  // The car was sold or repriced after the quote was sent (flagQuotesForUnits); a revision clears it.
  if (q.unitChange) return conflict(UNIT_CHANGED);
  return conflict("This quote has expired.");
}

async function usablePreApproval(tx: Tx, preApprovalId: string, quoteId: string, version: number) {
  const pa = await tx.preApproval.findFirst({
    where: { id: preApprovalId, quoteId },
    select: { id: true, lenderId: true, status: true, quoteVersion: true, expiresAt: true, amountCents: true },
  });
  if (!pa) throw notFound("Pre-approval not found.");
  if (pa.status !== "APPROVED" && pa.status !== "CONDITIONAL") throw conflict("That pre-approval is no longer available.");
  if (pa.quoteVersion !== version) throw conflict(QUOTE_CHANGED);
  if (pa.expiresAt <= new Date()) throw conflict("That pre-approval has expired.");
  return pa;
}

/** Declines the other live quotes, closes every lead and tells each dealer only what it needs to know. */
async function closeTheRest(tx: Tx, w: { requestId: string; winningQuoteId: string; winningLeadId: string; winningDealerId: string }) {
  const others = await tx.quote.findMany({
    where: { requestId: w.requestId, status: "ACTIVE", id: { not: w.winningQuoteId } },
    select: { id: true },
  });
  if (others.length > 0) {
    await tx.quote.updateMany({ where: { id: { in: others.map((q) => q.id) }, status: "ACTIVE" }, data: { status: "DECLINED" } });
    for (const q of others) await enqueue(tx, "lending.cancel-quote", { quoteId: q.id });
  }
  await tx.lead.update({ where: { id: w.winningLeadId }, data: { status: "WON", closedReason: WON_REASON } });
  await tx.lead.updateMany({
    where: { requestId: w.requestId, id: { not: w.winningLeadId } },
    data: { status: "CLOSED", closedReason: CLOSED_REASON },
  });

  const leads = await tx.lead.findMany({
    where: { requestId: w.requestId },
    select: { id: true, dealerId: true, buyerAlias: true, dealer: { select: { members: { select: { userId: true } } } } },
  });
  for (const lead of leads) {
    const won = lead.id === w.winningLeadId;
    for (const m of lead.dealer.members) {
      await notify(tx, {
        userId: m.userId,
        kind: won ? "deal.won" : "request.closed",
        // Losing dealers learn only that the request closed: not the price, the winner or the buyer.
        title: won ? `${lead.buyerAlias} accepted your quote` : `${possessive(lead.buyerAlias)} request has closed`,
        body: won ? "The buyer's contact details are now on the lead." : "No further action is needed.",
        link: `/dealer/leads/${lead.id}`,
      });
    }
    await publish({ topic: topics.dealer(lead.dealerId), type: won ? "deal.won" : "request.closed", id: lead.id }, tx);
    await publish({ topic: topics.lead(lead.id), type: won ? "deal.won" : "request.closed", id: lead.id }, tx);
  }
}
