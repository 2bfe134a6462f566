import { describe, expect, it } from "vitest";
import { findInputProblem, isUnsafeText } from "./input-text";

describe("isUnsafeText", () => {
  it("refuses NUL and unpaired surrogates, and accepts whole emoji and ordinary text", () => {
    expect(isUnsafeText("a\u0000b")).toBe(true);
    expect(isUnsafeText("\uD800")).toBe(true);
    expect(isUnsafeText("x\uDC00y")).toBe(true);
    expect(isUnsafeText("\uDC00\uD800")).toBe(true);
    expect(isUnsafeText("car 🚗 ok — café")).toBe(false);
    expect(isUnsafeText("")).toBe(false);
  });
});

describe("findInputProblem", () => {
  it("finds bad text at any depth, in values and keys, with its path", () => {
    expect(findInputProblem({ a: [{ b: "ok" }, { c: "bad\u0000" }] })).toMatchObject({ path: "a.1.c", kind: "text" });
    expect(findInputProblem({ ["k\uD800"]: 1 })).toMatchObject({ kind: "text" });
    expect(findInputProblem({ json: { note: "fine 🚗" }, meta: { values: { at: ["Date"] } } })).toBeNull();
    expect(findInputProblem(null)).toBeNull();
    expect(findInputProblem(42)).toBeNull();
  });

  it("refuses __proto__, constructor and prototype as own keys, as JSON.parse makes them", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const parsed = JSON.parse(`{"ok":1,"nested":{"${key}":{"isAdmin":true}}}`);
      expect(findInputProblem(parsed)).toEqual({ path: `nested.${key}`, kind: "key", message: `Unrecognized field "${key}".` });
    }
  });

  it("does not overflow the stack on deeply nested input", () => {
    let deep: unknown = "x\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInputProblem(deep)?.kind).toBe("text");
  });
});
