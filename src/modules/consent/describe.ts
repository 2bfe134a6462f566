import type { ActorType, DataField, GranteeType } from "~/generated/prisma/enums";
import { possessive } from "~/lib/format";

// Plain words for the "My data" and "Who saw my data" pages. Written for someone who has never heard
// "consent grant": a grant is "a key you gave", a field is "your credit score", and so on.

export const FIELD_WORDS: Record<DataField, string> = {
  CONTACT: "contact details (name, email, phone)",
  ADDRESS: "home address",
  INCOME: "income",
  CREDIT: "credit score",
};

export const FIELD_SHORT: Record<DataField, string> = { CONTACT: "Contact details", ADDRESS: "Address", INCOME: "Income & housing cost", CREDIT: "Credit score" };

const ORDER: DataField[] = ["CREDIT", "INCOME", "CONTACT", "ADDRESS"];

/** ["INCOME", "CREDIT"] → "your credit score and income", joined the way people say it. */
export function fieldList(fields: DataField[]): string {
  const words = ORDER.filter((f) => fields.includes(f)).map((f) => FIELD_WORDS[f]);
  if (words.length === 0) return "nothing";
  if (words.length === 1) return `your ${words[0]}`;
  return `your ${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

export type RequestSummary = { condition: string; bodyType: string; makes: string[]; model: string | null };

const BODY: Record<string, string> = { SEDAN: "sedan", SUV: "SUV", TRUCK: "truck", COUPE: "coupe", HATCHBACK: "hatchback", MINIVAN: "minivan", CONVERTIBLE: "convertible", WAGON: "wagon", VAN: "van" };

export function requestLabel(r: RequestSummary | null): string {
  if (!r) return "your account";
  const make = r.makes.length === 1 ? `${r.makes[0]}${r.model ? ` ${r.model}` : ""} ` : "";
  const cond = r.condition === "NEW" ? "new " : r.condition === "USED" ? "used " : "";
  return `your ${cond}${make}${BODY[r.bodyType] ?? r.bodyType.toLowerCase()} request`;
}

export const shortDate = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export function whoCanSee(g: { granteeType: GranteeType; lenderNames: string[]; dealerName: string | null }): string {
  switch (g.granteeType) {
    case "ALL_LENDERS":
      return "Lenders asked to finance your quotes";
    case "LENDERS":
      return g.lenderNames.length ? g.lenderNames.join(", ") : "The lenders you chose";
    case "DEALER":
      return g.dealerName ?? "The dealer you chose";
    case "COUNTER":
      return `${g.dealerName ? possessive(g.dealerName) : "The dealer's"} front desk (one-time key)`;
  }
}

/** One row of "Who saw my data", as a sentence. Never includes the values that were read. */
export function describeAccess(row: {
  actorType: ActorType;
  actorLabel: string;
  channel: string;
  fields: DataField[];
  request: RequestSummary | null;
  grantCreatedAt: Date | null;
}): string {
  const who =
    row.actorType === "LENDER"
      ? row.channel === "api" || row.channel === "job"
        ? `${row.actorLabel}'s system read`
        : `Someone at ${row.actorLabel} viewed`
      : row.actorType === "DEALER"
        ? `${row.actorLabel} viewed`
        : row.actorType === "COUNTER"
          ? `${row.actorLabel} opened your counter key and saw`
          : `A Keyturn staff member (${row.actorLabel}) viewed`;
  const key = row.grantCreatedAt ? `, under the key you gave on ${shortDate(row.grantCreatedAt)}` : "";
  return `${who} ${fieldList(row.fields)} for ${requestLabel(row.request)}${key}.`;
}

/**
 * A message a dealer sent under a keep-in-touch grant, as a sentence. The row's purpose is how one message
 * of its topic reads ("a service reminder"); the row holds no message text and no data was read.
 */
export function describeKeepInTouchUse(row: { actorLabel: string; purpose: string }): string {
  return `${row.actorLabel} sent you ${row.purpose} in your message thread, under the keep-in-touch grant you gave.`;
}

/** Why an opening of a counter key was refused, stored as the log row's purpose (a phrase, not a code). */
export const REFUSAL_PURPOSE = {
  "signed-out": "Tried to open your counter key without the code",
  "wrong-code": "Tried to open your counter key with a wrong code",
  "code-used": "Tried to open your counter key with a code that had already been used",
  "someone-else": "Tried to open your counter key",
} as const;

/**
 * A refused opening of a counter key, as a sentence for the buyer: who tried, how, and that nothing was shown.
 * The signed-out opener has no name, so the subject is said plainly; a named opener's label already reads as
 * a subject ("Sam Lee of Desert Motors (not the dealer you accepted)"). Rows logged before the purpose said
 * how are read from their label.
 */
export function describeRefusal(row: { actorType: ActorType; actorId: string; actorLabel: string; purpose: string }): string {
  if (row.actorType === "COUNTER" && row.actorId === "self") {
    return "You tried to open your own counter key while signed in. It opens only at the dealer's desk, so nothing was shown.";
  }
  let how = row.purpose;
  if (how === REFUSAL_PURPOSE["someone-else"] && row.actorId.startsWith("counter-code:")) {
    how = /wrong code/.test(row.actorLabel) ? REFUSAL_PURPOSE["wrong-code"] : /already used/.test(row.actorLabel) ? REFUSAL_PURPOSE["code-used"] : REFUSAL_PURPOSE["signed-out"];
  }
  const subject =
    row.actorType !== "COUNTER"
      ? row.actorLabel
      : row.actorId.startsWith("counter-code:")
        ? "Someone who was not signed in"
        : row.actorId === "another-buyer"
          ? "Another Keyturn buyer, signed in to their own account,"
          : row.actorLabel;
  return `${subject} ${how.charAt(0).toLowerCase()}${how.slice(1)}. Nothing was shown.`;
}
