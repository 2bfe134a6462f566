// The automatic quote rule's words, without zod, so client components can import them.

/**
 * Why the rule sent nothing on a lead, as stored in Lead.autoQuoteSkip (short phrases, like the column's
 * comment in prisma/schema.prisma). The dealer's automatic-quote page lists them.
 */
export const AUTO_QUOTE_SKIP = {
  ruleOff: "rule turned off",
  notVerified: "dealership not verified",
  blocked: "muted by the buyer",
  answered: "lead already answered",
  requestClosed: "request closed",
  capReached: "daily cap reached",
  noFit: "no fitting unit",
  draftRefused: "draft refused",
  buyerTerms: "breaks the buyer's terms",
} as const;
export type AutoQuoteSkip = (typeof AUTO_QUOTE_SKIP)[keyof typeof AUTO_QUOTE_SKIP];

/** The sentence the dealer reads for each reason (a stored phrase this build does not know is shown as is). */
export const autoQuoteSkipText: Record<AutoQuoteSkip, string> = {
  "rule turned off": "The rule was turned off before this lead was answered.",
  "dealership not verified": "Your dealership is not verified yet, so no quote can be sent.",
  "muted by the buyer": "The buyer muted or blocked your dealership.",
  "lead already answered": "You had already quoted or passed on this lead.",
  "request closed": "The request closed before the rule ran.",
  "daily cap reached": "Your daily cap of automatic quotes was reached.",
  "no fitting unit": "No available unit in your stock fits this request.",
  "draft refused": "The quote drafted from your stock did not pass the quote checks; answer this lead yourself.",
  "breaks the buyer's terms": "Your standard lines break the buyer's terms (shown on the lead), so nothing was sent automatically; quote this lead yourself.",
};

export const AUTO_QUOTE_MAX_DISCOUNT_BPS = 2000;
