// The one zod error map: every validation message a person can see is a sentence a person would write.
// Schemas that name their own message keep it; this map covers everything they leave to the library
// ("expected number, received NaN", "Too big: expected string to have <=60 characters"). Importing this
// module installs it: the client forms that validate with schemas, the tRPC server and the REST handler import it.
import { z } from "zod";

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const TYPE_WORDS: Record<string, string> = {
  number: "Enter a number.",
  int: "Enter a whole number.",
  bigint: "Enter a whole number.",
  string: "Enter some text.",
  boolean: "Choose yes or no.",
  date: "Enter a date.",
  array: "Choose from the list.",
  object: "Something is missing from this part of the form.",
};

const FORMAT_WORDS: Record<string, string> = {
  email: "Enter an email address, like name@example.com.",
  url: "Enter a web address, like https://example.com.",
  uuid: "That reference is not valid.",
  cuid: "That reference is not valid.",
  cuid2: "That reference is not valid.",
  datetime: "Enter a date and time.",
  date: "Enter a date.",
  time: "Enter a time.",
};

const n = (v: number | bigint) => (typeof v === "bigint" ? v.toString() : v.toLocaleString("en-US"));
const plural = (count: number | bigint, one: string, many = `${one}s`) => `${n(count)} ${Number(count) === 1 ? one : many}`;

function tooBig(i: Extract<Issue, { code: "too_big" }>): string {
  const inclusive = i.inclusive !== false;
  switch (i.origin) {
    case "string":
      return i.exact ? `Use exactly ${plural(i.maximum, "character")}.` : `Keep it to ${plural(inclusive ? i.maximum : Number(i.maximum) - 1, "character")} or fewer.`;
    case "array":
    case "set":
      return `Choose at most ${n(inclusive ? i.maximum : Number(i.maximum) - 1)}.`;
    case "file":
      return "That file is too large.";
    case "date":
      return "Choose an earlier date.";
    default:
      return inclusive ? `Enter ${n(i.maximum)} or less.` : `Enter less than ${n(i.maximum)}.`;
  }
}

function tooSmall(i: Extract<Issue, { code: "too_small" }>): string {
  const inclusive = i.inclusive !== false;
  switch (i.origin) {
    case "string":
      if (Number(i.minimum) <= 1 && inclusive) return "Fill this in.";
      return i.exact ? `Use exactly ${plural(i.minimum, "character")}.` : `Use at least ${plural(inclusive ? i.minimum : Number(i.minimum) + 1, "character")}.`;
    case "array":
    case "set":
      return Number(i.minimum) <= 1 ? "Choose at least one." : `Choose at least ${n(i.minimum)}.`;
    case "date":
      return "Choose a later date.";
    default:
      return inclusive ? `Enter ${n(i.minimum)} or more.` : `Enter more than ${n(i.minimum)}.`;
  }
}

function invalidType(i: Extract<Issue, { code: "invalid_type" }>): string {
  if (i.input === undefined || i.input === null) return i.expected === "boolean" ? "Choose yes or no." : "This is required.";
  return TYPE_WORDS[i.expected] ?? "This value is not valid.";
}

/** The message for one issue, in words. Exported for tests; installed globally below. */
export const humanError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return invalidType(issue);
    case "too_big":
      return tooBig(issue);
    case "too_small":
      return tooSmall(issue);
    case "invalid_format":
      return FORMAT_WORDS[issue.format] ?? "This is not in the expected format.";
    case "not_multiple_of":
      return `Enter a multiple of ${n(issue.divisor)}.`;
    case "unrecognized_keys":
      return `${issue.keys.length === 1 ? "This field is" : "These fields are"} not accepted here: ${issue.keys.join(", ")}.`;
    case "invalid_value":
      return issue.values.length > 0 && issue.values.length <= 5 ? `Choose one of: ${issue.values.map(String).join(", ")}.` : "Choose one of the options.";
    case "invalid_union":
      return "This value is not valid.";
    case "invalid_key":
    case "invalid_element":
      return "One of the entries is not valid.";
    default:
      return "This value is not valid.";
  }
};

z.config({ customError: humanError });

/**
 * One sentence for a failed parse, for an error banner or an API message: the first problem, and how
 * many more. Field-by-field messages go next to the inputs (issuesToFields).
 */
export function summarizeIssues(issues: readonly { message: string }[]): string {
  const first = issues[0]?.message ?? "Please check what you entered.";
  const more = issues.length - 1;
  return more > 0 ? `${first} ${more === 1 ? "One more thing needs" : `${more} more things need`} fixing.` : first;
}
