// Read models for the lender console and the buyer's view of financing on a request.
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { COUNT_CAP } from "~/lib/counts";
import { notFound } from "~/server/errors";
import { amountLentCents, disclosure } from "~/modules/lending/amortization";
import { effectiveStatus } from "~/modules/lender-api/serialize";

export async function lenderOverview(lenderId: string, status?: "PENDING" | "DECIDED") {
  const now = new Date();
  const [counts, rows] = await Promise.all([
    // Per stored status, each counted up to COUNT_CAP ("99+"): a few index entries per status however
    // many requests the lender ever had.
    db.$queryRaw<{ status: string; n: number }[]>`
      SELECT s.status::text AS status,
             (SELECT count(*)::int FROM (SELECT 1 FROM "PreApproval" p WHERE p."lenderId" = ${lenderId} AND p."status" = s.status LIMIT ${COUNT_CAP}) x) AS n
      FROM unnest(enum_range(NULL::"PreApprovalStatus")) AS s(status)`,
    db.preApproval.findMany({
      where: { lenderId, ...(status === "PENDING" ? { status: "PENDING", expiresAt: { gt: now } } : status === "DECIDED" ? { decidedAt: { not: null } } : {}) },
      select: {
        id: true, status: true, amountCents: true, quoteVersion: true, decisionVersion: true, aprBps: true, termMonths: true, monthlyPaymentCents: true,
        source: true, createdAt: true, decidedAt: true, expiresAt: true, reasons: true, conditions: true,
        quote: { select: { year: true, make: true, model: true, trim: true, condition: true } },
        request: { select: { bodyType: true, creditTier: true, city: true, state: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  return {
    counts: Object.fromEntries(counts.filter((c) => c.n > 0).map((c) => [c.status, c.n])) as Partial<Record<string, number>>,
    rows: rows.map((r) => ({ ...r, status: effectiveStatus(r, now) })),
  };
}

const buyerSelect = {
  id: true, quoteId: true, status: true, amountCents: true, aprBps: true, termMonths: true, maxAmountCents: true, monthlyPaymentCents: true,
  conditions: true, reasons: true, decidedAt: true, expiresAt: true, quoteVersion: true,
  lender: { select: { id: true, name: true } },
  notice: { select: { id: true } },
} satisfies Prisma.PreApprovalSelect;

/** The buyer's financing offers on one of their requests, with the four disclosure figures. */
export async function buyerPreApprovals(customerId: string, requestId: string) {
  const request = await db.request.findFirst({ where: { id: requestId, customerId }, select: { id: true } });
  if (!request) throw notFound("No such request.");
  const rows = await db.preApproval.findMany({ where: { requestId, quote: { status: { not: "WITHDRAWN" } } }, select: buyerSelect, orderBy: [{ quoteId: "asc" }, { aprBps: "asc" }] });
  const now = new Date();
  return rows.map((r) => ({
    ...r,
    status: effectiveStatus(r, now),
    disclosure: r.aprBps !== null && r.termMonths !== null ? disclosure(amountLentCents(r.amountCents, r.maxAmountCents), r.aprBps, r.termMonths) : null,
  }));
}

export async function getNotice(customerId: string, noticeId: string) {
  const n = await db.adverseActionNotice.findFirst({
    where: { id: noticeId, customerId },
    select: {
      id: true, reasons: true, scoreUsed: true, scoreSource: true, createdAt: true,
      lender: { select: { name: true } },
      preApproval: { select: { amountCents: true, requestId: true, quote: { select: { year: true, make: true, model: true } } } },
    },
  });
  if (!n) throw notFound("No such notice.");
  return n;
}

export const listNotices = (customerId: string) =>
  db.adverseActionNotice.findMany({ where: { customerId }, select: { id: true, createdAt: true, lender: { select: { name: true } } }, orderBy: { createdAt: "desc" }, take: 50 });
