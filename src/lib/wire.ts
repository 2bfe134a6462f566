// The tRPC transformer, on both ends: JSON plus Dates, in superjson's envelope ({ json, meta }), so raw
// requests and error bodies look as they did. The app sends no other non-JSON type, and a compile-time
// check (src/server/api/wire-check.ts) keeps it so. superjson did the same job for 3.5 KB more of
// JavaScript on every signed-in page (bench/pages.mts), which was what kept the inbox over its budget.

type Path = (string | number)[];
export type Wire = { json?: unknown; meta?: { dates?: Path[] } };

export function serialize(value: unknown): Wire {
  const dates: Path[] = [];
  const walk = (v: unknown, path: Path): unknown => {
    if (v instanceof Date) {
      dates.push(path);
      return Number.isNaN(v.getTime()) ? null : v.toISOString();
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (v !== null && typeof v === "object") {
      if (typeof (v as { toJSON?: unknown }).toJSON === "function") return (v as { toJSON: () => unknown }).toJSON();
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = walk(x, [...path, k]);
      return out;
    }
    return v;
  };
  const json = walk(value, []);
  return dates.length > 0 ? { json, meta: { dates } } : { json };
}

const hasOwn = (o: unknown, k: string | number): o is Record<string | number, unknown> =>
  o !== null && typeof o === "object" && Object.prototype.hasOwnProperty.call(o, k);

/**
 * Turns the marked ISO strings back into Dates, in place. A path is followed only through the value's own
 * keys, so a crafted path ("__proto__", …) reaches nothing; a mark on a non-string is left for the
 * schema to refuse.
 */
export function deserialize(wire: unknown): unknown {
  if (!hasOwn(wire, "json")) return undefined;
  const root: { v: unknown } = { v: wire.json };
  const dates = (wire as Wire).meta?.dates;
  if (!Array.isArray(dates)) return root.v;
  for (const path of dates) {
    if (!Array.isArray(path)) continue;
    let parent: unknown = root;
    let key: string | number = "v";
    for (const seg of path) {
      if (!hasOwn(parent, key) || (typeof seg !== "string" && typeof seg !== "number")) {
        parent = null;
        break;
      }
      parent = parent[key];
      key = seg;
    }
    if (hasOwn(parent, key) && typeof parent[key] === "string") {
      const d = new Date(parent[key] as string);
      if (!Number.isNaN(d.getTime())) parent[key] = d;
    }
  }
  return root.v;
}

export const wire = { serialize, deserialize };
