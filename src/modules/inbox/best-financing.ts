// The server's half of the inbox's ordering: which pre-approval a quote shows. The browser sorts and
// explains (ranking.ts) but never picks financing, so it is not sent this or the payment arithmetic.
import { disclosure, type Disclosure } from "~/modules/lending/amortization";

/** A lender decision as the inbox sees it. */
export type OfferDecision = {
  id: string;
  lenderName: string;
  status: "PENDING" | "APPROVED" | "CONDITIONAL" | "DECLINED" | "EXPIRED" | "CANCELLED";
  aprBps: number | null;
  termMonths: number | null;
  quoteVersion: number;
  expiresAt: Date;
  conditions: string[];
};

export type Financing = Disclosure & { preApprovalId: string; lenderName: string; conditional: boolean; conditions: string[] };

/**
 * The best usable pre-approval for a quote: approved or conditional, decided on the quote's current
 * version, not expired; the lowest finance charge wins (then APR, then approved over conditional).
 */
export function bestFinancing(amountFinancedCents: number, quoteVersion: number, decisions: OfferDecision[], now = new Date()): Financing | null {
  let best: Financing | null = null;
  for (const d of decisions) {
    if (d.status !== "APPROVED" && d.status !== "CONDITIONAL") continue;
    if (d.quoteVersion !== quoteVersion || d.expiresAt <= now || d.aprBps == null || !d.termMonths) continue;
    const f: Financing = {
      ...disclosure(amountFinancedCents, d.aprBps, d.termMonths),
      preApprovalId: d.id,
      lenderName: d.lenderName,
      conditional: d.status === "CONDITIONAL",
      conditions: d.conditions,
    };
    if (!best || compareFinancing(f, best) < 0) best = f;
  }
  return best;
}

function compareFinancing(a: Financing, b: Financing) {
  return a.financeChargeCents - b.financeChargeCents || a.aprBps - b.aprBps || Number(a.conditional) - Number(b.conditional);
}
