// The exact words a customer agrees to. Each change gets a new version; the text shown is stored with
// every ConsentRecord, so we can always prove what was agreed to.
export const CREDIT_SHARE_TEXT = {
  version: "credit-share-2026-11",
  text:
    "I instruct Keyturn to share my credit profile (score band, score and stated income) with the lenders " +
    "I allow, only to pre-approve financing for the quotes on this request. This is not a hard credit " +
    "inquiry. I can withdraw this at any time on the My data page; lenders are then told to delete what they hold.",
} as const;

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
  version: "counter-key-2026-11",
  template: "I give {dealer}'s front desk a one-time key to see {fields} for {minutes} minutes, to fill in the paperwork for my purchase. Every use is logged and I can cancel it at any time.",
} as const;
