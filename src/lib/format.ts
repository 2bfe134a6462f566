// Client-safe formatting and parsing of money and dates.

export function usd(cents: number | null | undefined, opts: { cents?: boolean } = {}): string {
  if (cents == null) return "—";
  return (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: opts.cents ? 2 : 0, maximumFractionDigits: opts.cents ? 2 : 0 });
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

export function distance(miles: number): string {
  return miles < 1 ? "under 1 mi" : `${miles < 10 ? miles.toFixed(1) : Math.round(miles)} mi`;
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
