// What keeps the browser's JavaScript small (issue 13): these imports decide what every page ships, and a
// one-line change can put the API client or zod back on every page without any test failing otherwise.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "..");
const read = (p: string) => readFileSync(path.join(src, p), "utf8");
const importsOf = (code: string) => [...code.matchAll(/^import[^"]*"([^"]+)"/gm)].map((m) => m[1]);

function clientFiles(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : clientFiles(p);
    return /\.tsx?$/.test(e.name) && readFileSync(p, "utf8").startsWith('"use client"') ? [p] : [];
  });
}

describe("what the browser is sent", () => {
  it("the root layout has no client provider, so the home, privacy and terms pages ship no API client", () => {
    expect(importsOf(read("app/layout.tsx"))).not.toContain("~/trpc/react");
    expect(importsOf(read("components/app-shell.tsx"))).toContain("~/trpc/react");
  });

  it("the label modules that pages show requests and quotes with do not import zod", () => {
    for (const m of ["modules/requests/labels.ts", "modules/quotes/labels.ts", "modules/dealers/labels.ts"]) {
      expect(importsOf(read(m)), m).toEqual(expect.not.arrayContaining(["zod", expect.stringMatching(/schemas$/)]));
    }
  });

  it("signed-in pages sign out without next-auth's client library", () => {
    expect(importsOf(read("components/sign-out-button.tsx"))).not.toContain("next-auth/react");
  });

  it("every client file that validates with a schema installs the human error map (it no longer comes with the provider)", () => {
    const validating = clientFiles().filter((f) => /\.safeParse\(/.test(readFileSync(f, "utf8")));
    expect(validating.length).toBeGreaterThan(0);
    for (const f of validating) expect(importsOf(readFileSync(f, "utf8")), path.relative(src, f)).toContain("~/lib/zod");
  });
});
