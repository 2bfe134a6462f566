/**
 * The new text of an emailed reply: what the dealer typed, without the quoted conversation under it and
 * without their signature. Mail clients mark neither reliably, so this cuts at the first line that looks
 * like the start of quoted history or of a signature, and drops ">" quoted lines. When in doubt it keeps
 * text: a dealer's sentence lost is worse than a stray line of signature.
 */

// Gmail and most clients: "On Mon, 7 Dec 2026 at 10:02, Keyturn <lead-…@…> wrote:" (may wrap onto two lines).
const ON_WROTE = /^on\b.{0,300}\bwrote:\s*$/i;
// Outlook: a "From: …" line followed shortly by "Sent:" / "Date:" (and maybe To:/Subject:).
const OUTLOOK_FROM = /^\*?from:\*?\s+\S/i;
const OUTLOOK_NEXT = /^\*?(sent|date|to|subject):\*?\s/i;
const ORIGINAL = /^-{2,}\s*(original message|forwarded message)\s*-{2,}\s*$/i;
// Outlook's rule above the header block.
const RULE = /^_{8,}\s*$/;
// The standard signature separator is "-- " (RFC 3676); many clients strip its trailing space.
const SIG = /^-- ?$/;
const MOBILE = /^sent from my \w+/i;

export function extractReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (ON_WROTE.test(t)) break;
    if (/^on\b/i.test(t) && i + 1 < lines.length && ON_WROTE.test(`${t} ${lines[i + 1]!.trim()}`)) break;
    if (ORIGINAL.test(t) || SIG.test(line.trimEnd()) || MOBILE.test(t)) break;
    if (RULE.test(t) && lines.slice(i + 1, i + 3).some((l) => OUTLOOK_FROM.test(l.trim()))) break;
    if (OUTLOOK_FROM.test(t) && lines.slice(i + 1, i + 5).some((l) => OUTLOOK_NEXT.test(l.trim()))) break;
    if (t.startsWith(">")) continue;
    kept.push(line.trimEnd());
  }
  return kept.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}
