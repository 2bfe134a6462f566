/**
 * Finds phone numbers and email addresses in a message. Pure and shared by the buyer's message box (to
 * warn before sending) and the server (which refuses an unconfirmed send), so both agree. It only
 * detects: the buyer's words are never rewritten or masked.
 */
export type ContactHit = { kind: "phone" | "email"; text: string };

const EMAIL = /[A-Za-z0-9._%+-]+\s*(?:@|\(at\)|\[at\]|\sat\s)\s*[A-Za-z0-9-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\sdot\s)\s*[A-Za-z0-9-]+)*\s*(?:\.|\(dot\)|\[dot\]|\sdot\s)\s*[A-Za-z]{2,}/gi;
// Runs of digits with common separators; a phone number has 10 digits (11 with a leading 1) in the US.
const PHONE_RUN = /\+?\d[\d\s().\-]{8,}\d/g;

export function findContactDetails(text: string): ContactHit[] {
  const hits: ContactHit[] = [];
  // Spelled-out addresses ("ava at example dot com") count too: they share the address just the same.
  for (const m of text.matchAll(EMAIL)) hits.push({ kind: "email", text: m[0].trim() });
  for (const m of text.matchAll(PHONE_RUN)) {
    const digits = m[0].replace(/\D/g, "");
    if (digits.length === 10 || (digits.length === 11 && digits.startsWith("1"))) hits.push({ kind: "phone", text: m[0].trim() });
  }
  return hits;
}

export const CONTACT_WARNING = "This will share your contact details with a dealer you have not chosen.";
