// Client-safe formatting and parsing of money and dates.

/**
 * The one money format: whole dollars as "$38,556", anything with cents as "$38,556.40". Never rounds, so
 * the same amount never reads two ways on one page ("$38,556.00" beside "$38,556").
 */
export function usd(cents: number | null | undefined): string {
  if (cents == null) return "—";
  const digits = cents % 100 !== 0 ? 2 : 0;
  return (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "Desert Motors" → "Desert Motors'" (not "Motors's"), "Ava" → "Ava's". */
export function possessive(name: string): string {
  const n = name.trim();
  return /s$/i.test(n) ? `${n}'` : `${n}'s`;
}

/** "34,500.50" → 3450050; "" → undefined; anything else unparseable → NaN (the schema reports it). */
export function dollarsToCents(raw: FormDataEntryValue | null): number | undefined {
  const s = String(raw ?? "").replace(/[$,\s]/g, "");
  if (s === "") return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return Number.NaN;
  const [whole, frac = ""] = s.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

export function centsToDollars(cents: number | null | undefined): string {
  if (cents == null) return "";
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

export function intOrUndefined(raw: FormDataEntryValue | null): number | undefined {
  const s = String(raw ?? "").replace(/[,\s]/g, "");
  if (s === "") return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

export function timeAgo(d: Date | string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - new Date(d).getTime()) / 1000));
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

export function shortDate(d: Date | string): string {
  return new Date(d).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
}

/** Zod issues → { field: first message }, for showing client-side mistakes next to inputs. */
export function issuesToFields(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const k = String(i.path[0] ?? "form");
    out[k] ??= i.message;
  }
  return out;
}

/** "under 0.1 mi" (never "0.0 mi"), "3.4 mi", "27 mi". */
export function distance(miles: number): string {
  if (miles < 0.1) return "under 0.1 mi";
  return `${miles < 10 ? (Math.round(miles * 10) / 10).toFixed(1) : Math.round(miles)} mi`;
}

/** "6.49" or "6.49%" → 649 basis points; "" → undefined; anything else → NaN (the schema reports it). */
export function percentToBps(raw: FormDataEntryValue | null): number | undefined {
  const s = String(raw ?? "").replace(/[%\s]/g, "");
  if (s === "") return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return Number.NaN;
  const [whole, frac = ""] = s.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** One entry per non-empty line of a textarea. */
export const linesOf = (raw: FormDataEntryValue | null) =>
  String(raw ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
