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

// Shown instead when the buyer's own terms say "contact only through the thread": acceptance shares nothing,
// accept-quote.ts mints no contact grant, and the dealer's CRM gets no resend with contact details.
export const THREAD_ONLY_ACCEPT_TEXT = {
  version: "thread-only-accept-2026-12",
  text: "You asked for contact only through the Keyturn thread, so accepting shares nothing: the dealer does not get your name, email or phone, and writes to you only in this thread.",
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

export const KEEP_IN_TOUCH_VERSION = "keep-in-touch-2026-12";
const KIT_TOPIC_WORDS = { SERVICE: "service reminders", RECALLS: "recall notices", TRADE_IN_OFFERS: "trade-in offers" } as const;
const KIT_PERIOD_WORDS = { WEEK: "week (Monday to Sunday)", MONTH: "month", QUARTER: "quarter" } as const;

/**
 * The words a buyer agrees to when letting the accepted dealer keep in touch. What it says is what
 * authorize-dealer-message.ts enforces: once the delivery is recorded, a message the dealer starts (not an
 * answer within REPLY_WINDOW_DAYS of the buyer's last message) must name one of these topics, is counted
 * against the cap per calendar window in UTC, and is refused after the end date or a revocation.
 */
export function keepInTouchText(t: {
  dealer: string;
  topics: (keyof typeof KIT_TOPIC_WORDS)[];
  capCount: number;
  capPeriod: keyof typeof KIT_PERIOD_WORDS;
  lastDay: string;
  replyDays: number;
}) {
  const order = (["SERVICE", "RECALLS", "TRADE_IN_OFFERS"] as const).filter((k) => t.topics.includes(k)).map((k) => KIT_TOPIC_WORDS[k]);
  const topics = order.length > 1 ? `${order.slice(0, -1).join(", ")} and ${order.at(-1)}` : (order[0] ?? "nothing");
  const cap = `${t.capCount} message${t.capCount === 1 ? "" : "s"} per calendar ${KIT_PERIOD_WORDS[t.capPeriod]}, counted in UTC`;
  return (
    `Once my delivery is recorded, I let ${t.dealer} start conversations with me in my Keyturn message thread about ` +
    `${topics} only, at most ${cap}, through ${t.lastDay}. Keyturn refuses any other message they start; their answers ` +
    `to a message I sent in the last ${t.replyDays} days need no permission and are not counted. Each message is in my ` +
    `thread, and unless I mute them I am told in my Keyturn inbox and, if my settings allow emails about messages, by ` +
    `email. Each message is listed in "Who saw my data". I can revoke this on My data at any time; from then on every ` +
    `message they start is refused.`
  );
}
