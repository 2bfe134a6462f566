// A list page's choices (tab, filters, sort, view, search) live in the URL, so a reload, the back button or a
// shared link shows the same list. Each page declares its parameters once; reading never fails: a value that
// is missing, unknown or malformed reads as the parameter's default, and defaults are left out of the URL.

export type Param<T> = {
  read: (raw: string | null) => T;
  /** The text to put in the URL, or null for the default (left out). A method, so a Param<"A"> is a Param<unknown>. */
  write(value: T): string | null;
};

export type Spec = Record<string, Param<unknown>>;
export type StateOf<S extends Spec> = { [K in keyof S]: S[K] extends Param<infer T> ? T : never };

/** One of a fixed list; matched without regard to case, written in lower case. */
export function oneOf<const V extends string>(values: readonly V[], fallback: V): Param<V> {
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v]));
  return {
    read: (raw) => byLower.get((raw ?? "").toLowerCase()) ?? fallback,
    write: (v) => (v === fallback ? null : v.toLowerCase()),
  };
}

/** One of a fixed list of numbers, or null (the default) for any other text. */
export function numberOf(values: readonly number[]): Param<number | null> {
  return {
    read: (raw) => {
      const n = raw === null || raw.trim() === "" ? NaN : Number(raw);
      return values.includes(n) ? n : null;
    },
    write: (v) => (v === null ? null : String(v)),
  };
}

/** On when the parameter is "1"; off (the default) otherwise. */
export const flag: Param<boolean> = { read: (raw) => raw === "1", write: (v) => (v ? "1" : null) };

/** Free text such as a search, cut to the length the server accepts. */
export function text(maxLength: number): Param<string> {
  return { read: (raw) => (raw ?? "").slice(0, maxLength), write: (v) => (v ? v.slice(0, maxLength) : null) };
}

/** A record id; anything that could not be one reads as "" (none) rather than reaching the server. */
export function id(maxLength = 40): Param<string> {
  const shape = new RegExp(`^[A-Za-z0-9_-]{1,${maxLength}}$`);
  return { read: (raw) => (raw && shape.test(raw) ? raw : ""), write: (v) => v || null };
}

export function readState<S extends Spec>(spec: S, params: URLSearchParams): StateOf<S> {
  const state = {} as Record<string, unknown>;
  for (const [key, param] of Object.entries(spec)) state[key] = param.read(params.get(key));
  return state as StateOf<S>;
}

/**
 * The search string ("?a=b", or "" when everything is at its default) for a state. Parameters the spec does not
 * own are kept from `base`, so two helpers on one page, or a link's own parameters, do not erase each other.
 */
export function writeState<S extends Spec>(spec: S, state: StateOf<S>, base?: URLSearchParams): string {
  const p = new URLSearchParams(base);
  for (const [key, param] of Object.entries(spec)) {
    p.delete(key);
    const raw = param.write(state[key]);
    if (raw !== null) p.set(key, raw);
  }
  const q = p.toString();
  return q ? `?${q}` : "";
}
