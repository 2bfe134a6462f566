// The exact words a customer agrees to. Each change gets a new version; the text shown is stored with
// every ConsentRecord, so we can always prove what was agreed to.
export const CREDIT_SHARE_VERSION = "credit-share-2026-12";

/**
 * The words a buyer agrees to when sharing their credit profile on a request. One function for the form,
 * the stored grant and the privacy page, so what is shown is what is stored is what the code does:
 * the grant names exactly these lenders (or every lender), and the pre-approval job asks at most
 * MAX_LENDERS_PER_QUOTE of them per quote (pre-approve-quote.ts).
 */
export function creditShareText(lenders: "ALL" | string[]) {
  const who = lenders === "ALL" ? "every lender on Keyturn" : `only these lenders: ${lenders.join(", ")}`;
  return (
    `I instruct Keyturn to share my credit profile (my credit band, my score if one is on file, and my stated income ` +
    `and housing cost) with ${who}, only to pre-approve financing for the quotes on this request. For each quote, ` +
    `Keyturn asks up to 5 of them whose lending terms fit it. This is not a hard credit inquiry. I can withdraw ` +
    `this at any time on the My data page; lenders are then told to delete what they hold.`
  );
}

export const SOFT_PULL_TEXT = {
  version: "soft-pull-2026-11",
  text:
    "I instruct Keyturn to obtain my credit report from a consumer reporting agency through a soft inquiry, " +
    "which does not affect my credit score, to estimate my credit tier and pre-qualify me for financing.",
} as const;

export const CONTACT_SHARE_TEXT = {
  version: "contact-share-2026-11",
  text: "I share my name, email and phone with the dealer whose quote I accepted, so they can complete this purchase with me.",
} as const;

// A counter hand-off key: the blanks are filled with the dealer, the fields and the minutes before it is shown.
export const COUNTER_KEY_TEXT = {
  version: "counter-key-2026-12",
  template: "I give {dealer}'s front desk a key to see {fields} for {minutes} minutes, to fill in the paperwork for my purchase. It opens only for {dealer}'s signed-in staff, or once with the 6-digit code I read out at the desk. Anyone else who opens the link sees nothing. Every opening, and every refused one, is logged with who opened it, and I can cancel the key at any time.",
} as const;

// A request-level opt-in (create-request.ts). The code shows dealers a "Returning Keyturn buyer" badge on
// this request's leads when, at posting, the buyer has a delivered deal; the badge is the only thing sent.
export const RETURNING_BUYER_TEXT = {
  version: "returning-buyer-2026-12",
  text:
    "Tell the dealers who receive this request that I have bought a car through Keyturn before. They see only " +
    "the words \"Returning Keyturn buyer\" on this request, not which car, when, or from which dealer. If I have " +
    "not yet had a car delivered through Keyturn when I post it, they see nothing.",
} as const;
