// The buyer's own terms on a request ("intentcasting"): pure, shared by the request form, the dealer's
// quote form (which checks before sending) and every server path that creates or revises a quote.
import { usd } from "~/lib/format";

export type BuyerTerms = {
  noAddOns: boolean;
  maxFeesCents: number | null;
  minValidDays: number | null;
  threadOnly: boolean;
  inStockOnly: boolean;
};

export const NO_TERMS: BuyerTerms = { noAddOns: false, maxFeesCents: null, minValidDays: null, threadOnly: false, inStockOnly: false };

/** The Prisma select of the terms, for every loader that checks a quote against them. */
export const buyerTermsSelect = { noAddOns: true, maxFeesCents: true, minValidDays: true, threadOnly: true, inStockOnly: true } as const;

export const MAX_MIN_VALID_DAYS = 30;
export const MAX_FEE_CAP_CENTS = 500_000;

const DAY_MS = 86_400_000;

/** What a quote carries that the terms speak about. */
export type QuoteLines = { addOnsCents: number; feesCents: number; validUntil: Date; inStock: boolean };

/** The quote line each term is about: a refusal is shown beside that line. */
export type TermField = "addOnsCents" | "feesCents" | "validUntil" | "inStock";

const dayText = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** The earliest "valid until" the terms accept, for the form's hint and the message. */
export function earliestValidUntil(terms: Pick<BuyerTerms, "minValidDays">, now: Date): Date | null {
  return terms.minValidDays == null ? null : new Date(now.getTime() + terms.minValidDays * DAY_MS);
}

/**
 * Every line of a quote that breaks the buyer's terms, with the sentence shown beside it. Empty: the quote
 * keeps them. "Contact only through the thread" is not a quote line: it limits what acceptance shares.
 */
export function termBreaches(terms: BuyerTerms, q: QuoteLines, now: Date): Partial<Record<TermField, string>> {
  const out: Partial<Record<TermField, string>> = {};
  if (terms.noAddOns && q.addOnsCents > 0) out.addOnsCents = "The buyer asked for no add-ons. Set add-ons to $0.";
  if (terms.maxFeesCents != null && q.feesCents > terms.maxFeesCents) out.feesCents = `The buyer accepts dealer fees of at most ${usd(terms.maxFeesCents)}.`;
  const earliest = earliestValidUntil(terms, now);
  // A day's grace under the minimum would let "valid until the 14th" fail by hours; the form sends the end of the day.
  if (earliest && q.validUntil.getTime() < earliest.getTime() - DAY_MS / 24)
    out.validUntil = `The buyer asked for a quote valid for at least ${terms.minValidDays} days: until ${dayText(earliest)} or later.`;
  if (terms.inStockOnly && !q.inStock) out.inStock = "The buyer wants a car that is in stock now.";
  return out;
}

export const hasTerms = (t: BuyerTerms) => t.noAddOns || t.maxFeesCents != null || t.minValidDays != null || t.threadOnly || t.inStockOnly;

/** The terms as the dealer and the buyer read them, one short line each. */
export function describeTerms(t: BuyerTerms): { key: keyof BuyerTerms; text: string }[] {
  const out: { key: keyof BuyerTerms; text: string }[] = [];
  if (t.noAddOns) out.push({ key: "noAddOns", text: "No add-ons" });
  if (t.maxFeesCents != null) out.push({ key: "maxFeesCents", text: t.maxFeesCents === 0 ? "No dealer fees" : `Dealer fees at most ${usd(t.maxFeesCents)}` });
  if (t.minValidDays != null) out.push({ key: "minValidDays", text: `Quote valid for at least ${t.minValidDays} day${t.minValidDays === 1 ? "" : "s"}` });
  if (t.threadOnly) out.push({ key: "threadOnly", text: "Contact only through the Keyturn thread, even after acceptance" });
  if (t.inStockOnly) out.push({ key: "inStockOnly", text: "In-stock cars only" });
  return out;
}

export const termsOf = (r: BuyerTerms): BuyerTerms => ({
  noAddOns: r.noAddOns, maxFeesCents: r.maxFeesCents, minValidDays: r.minValidDays, threadOnly: r.threadOnly, inStockOnly: r.inStockOnly,
});
