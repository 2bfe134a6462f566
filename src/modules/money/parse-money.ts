/**
 * The one parser for money typed into a form. It never rounds: an amount is kept to the cent where cents
 * are allowed, or refused with a sentence where only whole dollars are. Each refusal says what is wrong
 * with what was typed (not "Enter an amount" for an amount that was entered).
 */
export type MoneyParse = { ok: true; cents: number | undefined } | { ok: false; message: string };

export function parseMoneyInput(raw: unknown, opts: { cents: boolean } = { cents: true }): MoneyParse {
  const s = String(raw ?? "").replace(/[$,\s]/g, "");
  if (s === "") return { ok: true, cents: undefined };
  if (/^[-−–]/.test(s)) return { ok: false, message: "Must be zero or more." };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return { ok: false, message: opts.cents ? "Enter an amount in dollars, like 40,000 or 40,000.50." : "Enter an amount in whole dollars, like 40,000." };
  const frac = m[2] ?? "";
  if (!opts.cents && /[1-9]/.test(frac)) return { ok: false, message: "Whole dollars only, e.g. 40,000." };
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) return { ok: false, message: "Use at most two decimals (cents), e.g. 40,000.50." };
  const whole = Number(m[1]);
  if (!Number.isSafeInteger(whole * 100)) return { ok: false, message: "That amount is too high." };
  return { ok: true, cents: whole * 100 + Number(frac.slice(0, 2).padEnd(2, "0")) };
}

/**
 * Reads money fields from a form: the cents (NaN for a refused entry, so the schema also fails) and the
 * sentences for refused entries, which the form shows in place of the schema's generic message.
 */
export function readMoneyFields<K extends string>(get: (name: K) => unknown, fields: Partial<Record<K, { cents: boolean }>>) {
  const values = {} as Record<K, number | undefined>;
  const problems: Partial<Record<K, string>> = {};
  for (const name of Object.keys(fields) as K[]) {
    const r = parseMoneyInput(get(name), fields[name]);
    if (r.ok) values[name] = r.cents;
    else {
      values[name] = Number.NaN;
      problems[name] = r.message;
    }
  }
  return { values, problems: problems as Record<string, string> };
}
