// Every input, whichever transport brought it, passes this check once before any schema sees it.
// PostgreSQL cannot store U+0000 in text, and an unpaired surrogate is not text at all (it has no UTF-8
// form), so both used to fail deep inside a use-case as a 500. Keys that name JavaScript's object
// machinery are refused too: JSON.parse keeps "__proto__" as an own key, but object spreads
// silently drop it, so a strict schema would never see it to refuse it.

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export const UNSAFE_TEXT_MESSAGE =
  "Some text contains a character that can't be saved (an invisible NUL character, or half of an emoji). Remove it and try again.";

export type InputProblem = { path: string; kind: "text" | "key"; message: string };

export function isUnsafeText(s: string): boolean {
  return s.includes("\u0000") || UNPAIRED_SURROGATE.test(s);
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** The first problem in a parsed JSON value (strings and keys, at any depth), or null. Iterative: deep nesting cannot overflow the stack. */
export function findInputProblem(value: unknown): InputProblem | null {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: "" }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === "string") {
      if (isUnsafeText(v)) return { path, kind: "text", message: UNSAFE_TEXT_MESSAGE };
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: join(path, i) }));
    } else if (v !== null && typeof v === "object") {
      for (const key of Object.keys(v)) {
        if (isUnsafeText(key)) return { path, kind: "text", message: UNSAFE_TEXT_MESSAGE };
        if (FORBIDDEN_KEYS.has(key)) return { path: join(path, key), kind: "key", message: `Unrecognized field "${key}".` };
        stack.push({ v: (v as Record<string, unknown>)[key], path: join(path, key) });
      }
    }
  }
  return null;
}

/** A URL path that `decodeURIComponent` can read: a malformed %-escape names no page or route (400, not 500). */
export function decodesCleanly(path: string) {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
