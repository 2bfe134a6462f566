import { describe, expect, it } from "vitest";
import { deserialize, serialize } from "./wire";

const overTheWire = (v: unknown) => deserialize(JSON.parse(JSON.stringify(serialize(v))));

describe("wire format", () => {
  it("brings Dates back as Dates at any depth, and leaves date-like text as text", () => {
    const at = new Date("2026-12-03T10:00:00.000Z");
    const value = { at, rows: [{ validUntil: at, note: "2026-12-03T10:00:00.000Z" }, { validUntil: null }], n: 3, ok: true, tags: ["a"] };
    const back = overTheWire(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.rows[0]!.validUntil).toBeInstanceOf(Date);
    expect(typeof back.rows[0]!.note).toBe("string");
    expect(overTheWire(at)).toEqual(at);
  });

  it("keeps superjson's envelope: plain values carry no meta, and no input reads as undefined", () => {
    expect(serialize({ a: 1 })).toEqual({ json: { a: 1 } });
    expect(JSON.stringify(serialize(undefined))).toBe("{}");
    expect(deserialize({})).toBeUndefined();
    expect(deserialize({ json: { a: 1 } })).toEqual({ a: 1 });
  });

  it("drops undefined keys and sends an invalid Date as null", () => {
    expect(overTheWire({ a: undefined, b: 1 })).toEqual({ b: 1 });
    expect(overTheWire({ d: new Date(Number.NaN) })).toEqual({ d: null });
  });

  it("follows a crafted path through own keys only, so it cannot reach a prototype", () => {
    const out = deserialize({ json: { a: { b: "2026-01-01" } }, meta: { dates: [["__proto__", "polluted"], ["constructor", "prototype", "x"], ["a", "missing"], [{}], "x"] } });
    expect(out).toEqual({ a: { b: "2026-01-01" } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("leaves a mark on something other than a date string for the schema to refuse", () => {
    expect(deserialize({ json: { a: 5, b: "not a date" }, meta: { dates: [["a"], ["b"]] } })).toEqual({ a: 5, b: "not a date" });
  });
});
