import { describe, expect, it } from "vitest";
import { parseMoneyInput, readMoneyFields } from "~/modules/money/parse-money";

describe("parseMoneyInput", () => {
  it("keeps an amount to the cent where cents are allowed, never rounding", () => {
    expect(parseMoneyInput("40,000.50")).toEqual({ ok: true, cents: 4_000_050 });
    expect(parseMoneyInput("$1,234.5")).toEqual({ ok: true, cents: 123_450 });
    expect(parseMoneyInput("40000.")).toEqual({ ok: true, cents: 4_000_000 });
    expect(parseMoneyInput("0.07")).toEqual({ ok: true, cents: 7 });
    expect(parseMoneyInput("12.500")).toEqual({ ok: true, cents: 1_250 });
  });

  it("refuses cents where only whole dollars are allowed, saying so, instead of rounding to $40,001", () => {
    expect(parseMoneyInput("40,000.50", { cents: false })).toEqual({ ok: false, message: "Whole dollars only, e.g. 40,000." });
    expect(parseMoneyInput("40,000.00", { cents: false })).toEqual({ ok: true, cents: 4_000_000 });
  });

  it("says a negative amount must be zero or more, not 'enter an amount'", () => {
    for (const s of ["-5", "-40,000.50", "−5"]) expect(parseMoneyInput(s)).toEqual({ ok: false, message: "Must be zero or more." });
  });

  it("explains other mistakes, and treats an empty field as no amount", () => {
    expect(parseMoneyInput("12.345")).toEqual({ ok: false, message: "Use at most two decimals (cents), e.g. 40,000.50." });
    expect(parseMoneyInput("forty")).toEqual({ ok: false, message: "Enter an amount in dollars, like 40,000 or 40,000.50." });
    expect(parseMoneyInput("1e5")).toMatchObject({ ok: false });
    expect(parseMoneyInput("  ")).toEqual({ ok: true, cents: undefined });
    expect(parseMoneyInput("99999999999999999")).toEqual({ ok: false, message: "That amount is too high." });
  });

  it("reads several fields, giving NaN and a sentence for each refused one", () => {
    const form: Record<string, string> = { a: "-1", b: "10.25", c: "" };
    const r = readMoneyFields((k: "a" | "b" | "c") => form[k], { a: { cents: true }, b: { cents: true }, c: { cents: true } });
    expect(r.values.a).toBeNaN();
    expect(r.values.b).toBe(1_025);
    expect(r.values.c).toBeUndefined();
    expect(r.problems).toEqual({ a: "Must be zero or more." });
  });
});
