import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Raw SQL only through tagged templates, which send values as parameters (SECURITY.md check 24).
const root = path.resolve(import.meta.dirname, "..");
function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === "generated" || name === "node_modules") continue;
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".test.ts")) yield p;
  }
}

describe("raw SQL", () => {
  it("never uses the unsafe string APIs", () => {
    const offenders = [...sources(root)].filter((f) => /\$(query|execute)RawUnsafe|Prisma\.raw\(/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("sends pg-pool statements with constant text and values as parameters", () => {
    const users = [...sources(root)].filter((f) => /import \{[^}]*\bsql\b[^}]*\} from "~\/server\/db"/.test(readFileSync(f, "utf8")));
    expect(users.length).toBeGreaterThan(0);
    for (const f of users) {
      const text = readFileSync(f, "utf8");
      // Every statement is `text: "…"` or `text: \`…\`` with nothing interpolated into it.
      for (const m of text.matchAll(/\btext:\s*`([^`]*)`/g)) expect(m[1], path.relative(root, f)).not.toContain("${");
      expect(text, path.relative(root, f)).not.toMatch(/sql\.query\(\s*`/);
    }
  });
});
