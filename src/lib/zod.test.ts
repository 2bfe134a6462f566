import { describe, expect, it } from "vitest";
import { z } from "zod";
import { summarizeIssues } from "./zod";
import { requestFields } from "~/modules/requests/schemas";

const messageOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a failure");
  return r.error.issues.map((i) => i.message);
};

// The library's own words, which must never reach a person.
const RAW = /expected \w+|received|Too (big|small)|Invalid (input|option|string|element|key)|Unrecognized key/i;

describe("the human error map", () => {
  it("replaces the library's text for the issues people met", () => {
    expect(messageOf(z.number(), Number.NaN)).toEqual(["Enter a number."]);
    expect(messageOf(z.number().int(), 1.5)).toEqual(["Enter a whole number."]);
    expect(messageOf(z.string().max(60), "x".repeat(61))).toEqual(["Keep it to 60 characters or fewer."]);
    expect(messageOf(z.string().min(1), "")).toEqual(["Fill this in."]);
    expect(messageOf(z.string().min(12), "short")).toEqual(["Use at least 12 characters."]);
    expect(messageOf(z.number().max(250), 300)).toEqual(["Enter 250 or less."]);
    expect(messageOf(z.number().min(5), 1)).toEqual(["Enter 5 or more."]);
    expect(messageOf(z.array(z.string()).max(5), ["a", "b", "c", "d", "e", "f"])).toEqual(["Choose at most 5."]);
    expect(messageOf(z.string(), undefined)).toEqual(["This is required."]);
    expect(messageOf(z.email(), "nope")).toEqual(["Enter an email address, like name@example.com."]);
    expect(messageOf(z.enum(["NEW", "USED"]), "X")).toEqual(["Choose one of: NEW, USED."]);
    expect(messageOf(z.object({ a: z.string() }).strict(), { a: "x", b: 1 })).toEqual(["This field is not accepted here: b."]);
  });

  it("keeps a schema's own message", () => {
    expect(messageOf(z.string().max(3, "Three letters at most."), "abcd")).toEqual(["Three letters at most."]);
  });

  it("leaves no raw library text on the request form's fields", () => {
    const bad = { bodyType: 1, condition: null, makes: "x", model: "m".repeat(61), yearMin: Number.NaN, yearMax: "2020", maxMileage: 1.5, features: [""], maxPriceCents: Number.NaN, wantsFinancing: "yes", zip: 5, radiusMiles: Number.NaN, timeline: "SOON" };
    const messages = messageOf(requestFields, bad);
    expect(messages.length).toBeGreaterThan(10);
    for (const m of messages) {
      expect(m).not.toMatch(RAW);
      expect(m).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("sums up a failed parse in one sentence", () => {
    expect(summarizeIssues([{ message: "Enter a number." }])).toBe("Enter a number.");
    expect(summarizeIssues([{ message: "Enter a number." }, { message: "x" }, { message: "y" }])).toBe("Enter a number. 2 more things need fixing.");
    expect(summarizeIssues([])).toBe("Please check what you entered.");
  });
});
