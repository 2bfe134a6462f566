import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Modules that import each other in a ring load in an order that depends on who imports first, and
// half-initialised exports (undefined at import time) are the result. The server side has none.
const src = path.resolve(import.meta.dirname, "..");
function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name)) yield p;
  }
}
function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("~/") ? path.join(src, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (existsSync(c) && statSync(c).isFile()) return c.replace(/\.js$/, ".ts");
  return null;
}
function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const dir of ["server", "modules"]) {
    for (const f of sources(path.join(src, dir))) {
      // Type-only imports vanish at runtime, so they cannot form a loading cycle.
      const specs = [...readFileSync(f, "utf8").matchAll(/^import (?!type )[^;]*?from "([^"]+)"/gms)].map((m) => m[1]!);
      g.set(f, specs.map((s) => resolve(f, s)).filter((s): s is string => s !== null));
    }
  }
  return g;
}
export function findCycle(g: Map<string, string[]>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === "done") return null;
    if (state.get(n) === "open") return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, "open");
    stack.push(n);
    for (const m of g.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, "done");
    return null;
  };
  for (const n of g.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

describe("server imports", () => {
  it("detects a ring when there is one", () => {
    expect(findCycle(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]]]))).toEqual(["a", "b", "c", "a"]);
  });
  it("form no cycle (the job registry imports every handler; no handler imports the worker)", () => {
    const cycle = findCycle(graph());
    expect(cycle ? cycle.map((f) => path.relative(src, f)) : null).toBeNull();
  });
});
