/**
 * Money for loan disclosures, in integer cents. Rates are basis points (687 = 6.87% APR).
 *
 * Rounding rule: the level monthly payment is computed in floating point and rounded UP to the next
 * whole cent (after trimming float noise below a millionth of a cent), so the payments always repay
 * the loan. With a positive APR every payment is that amount: total of payments = payment × term and
 * finance charge = total − amount financed (never negative). At 0% the payment is ⌈P/n⌉ and the last
 * payment is reduced so the total is exactly P (no finance charge). Rounding a monotonic function up
 * keeps it monotonic (non-decreasing) in both APR and principal, which the property tests check.
 */


export const MAX_APR_BPS = 10_000; // 100%: anything above is a data error, not a loan
export const MAX_TERM_MONTHS = 120;

function check(principalCents: number, aprBps: number, termMonths: number) {
  if (!Number.isSafeInteger(principalCents) || principalCents < 0) throw new RangeError("principalCents must be a non-negative integer");
  if (!Number.isInteger(aprBps) || aprBps < 0 || aprBps > MAX_APR_BPS) throw new RangeError(`aprBps must be an integer from 0 to ${MAX_APR_BPS}`);
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > MAX_TERM_MONTHS) throw new RangeError(`termMonths must be an integer from 1 to ${MAX_TERM_MONTHS}`);
}

/** P·r / (1 − (1+r)^−n) with r = APR/12; at 0% the principal split evenly (P/n, rounded). */
export function monthlyPaymentCents(principalCents: number, aprBps: number, termMonths: number): number {
  check(principalCents, aprBps, termMonths);
  if (principalCents === 0) return 0;
  if (aprBps === 0) return Math.ceil(principalCents / termMonths);
  const r = aprBps / 10_000 / 12;
  // -expm1(-n·log1p(r)) = 1 − (1+r)^−n without cancellation for tiny rates.
  const payment = (principalCents * r) / -Math.expm1(-termMonths * Math.log1p(r));
  return Math.ceil(payment - 1e-6);
}

/** What a lender actually lends on a request: the amount asked, capped by the lender's maximum. */
export const amountLentCents = (amountCents: number, maxAmountCents: number | null | undefined) => Math.min(amountCents, maxAmountCents ?? amountCents);

export type Disclosure = {
  amountFinancedCents: number;
  financeChargeCents: number;
  totalOfPaymentsCents: number;
  monthlyPaymentCents: number;
  aprBps: number;
  termMonths: number;
};

/** The four Truth-in-Lending figures (plus the payment) for a level-payment loan. */
export function disclosure(amountFinancedCents: number, aprBps: number, termMonths: number): Disclosure {
  const monthly = monthlyPaymentCents(amountFinancedCents, aprBps, termMonths);
  const total = aprBps === 0 ? amountFinancedCents : monthly * termMonths;
  return {
    amountFinancedCents,
    financeChargeCents: total - amountFinancedCents,
    totalOfPaymentsCents: total,
    monthlyPaymentCents: monthly,
    aprBps,
    termMonths,
  };
}

export { formatApr, formatCents } from "~/modules/lending/format";
