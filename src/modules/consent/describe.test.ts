import { describe, expect, it } from "vitest";
import { describeAccess, describeRefusal, fieldList, REFUSAL_PURPOSE, requestLabel, whoCanSee } from "./describe";

const suv = { condition: "NEW", bodyType: "SUV", makes: ["Toyota"], model: "RAV4" };

describe("plain-language descriptions", () => {
  it("joins fields the way people say them", () => {
    expect(fieldList(["INCOME", "CREDIT"])).toBe("your credit score and income");
    expect(fieldList(["CONTACT", "ADDRESS", "CREDIT"])).toBe("your credit score, contact details (name, email, phone) and home address");
    expect(fieldList(["ADDRESS"])).toBe("your home address");
  });

  it("names a request by the car", () => {
    expect(requestLabel(suv)).toBe("your new Toyota RAV4 SUV request");
    expect(requestLabel({ condition: "ANY", bodyType: "TRUCK", makes: ["Ford", "Chevrolet"], model: null })).toBe("your truck request");
    expect(requestLabel(null)).toBe("your account");
  });

  it("says who read what, for which request, under which key", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    expect(describeAccess({ actorType: "LENDER", actorLabel: "Canyon Credit Union", channel: "api", fields: ["CREDIT", "INCOME"], request: suv, grantCreatedAt: at })).toBe(
      "Canyon Credit Union's system read your credit score and income for your new Toyota RAV4 SUV request, under the key you gave on Nov 22.",
    );
    expect(describeAccess({ actorType: "LENDER", actorLabel: "Mesa Bank", channel: "ui", fields: ["CREDIT"], request: suv, grantCreatedAt: null })).toMatch(/^Someone at Mesa Bank viewed your credit score/);
    expect(describeAccess({ actorType: "COUNTER", actorLabel: "Desert Toyota's front desk", channel: "counter", fields: ["CONTACT"], request: suv, grantCreatedAt: at })).toMatch(
      /^Desert Toyota's front desk opened your counter key and saw your contact details/,
    );
  });

  it("describes who holds a key without jargon", () => {
    expect(whoCanSee({ granteeType: "ALL_LENDERS", lenderNames: [], dealerName: null })).toBe("Lenders asked to finance your quotes");
    expect(whoCanSee({ granteeType: "LENDERS", lenderNames: ["A", "B"], dealerName: null })).toBe("A, B");
    expect(whoCanSee({ granteeType: "DEALER", lenderNames: [], dealerName: "Desert Toyota" })).toBe("Desert Toyota");
  });

  it("says a refused opening of a counter key as a plain sentence: who tried, how, and that nothing was shown", () => {
    const signedOut = { actorType: "COUNTER" as const, actorId: "counter-code:g1", actorLabel: "Someone signed out, with no code" };
    expect(describeRefusal({ ...signedOut, purpose: REFUSAL_PURPOSE["signed-out"] })).toBe(
      "Someone who was not signed in tried to open your counter key without the code. Nothing was shown.",
    );
    expect(describeRefusal({ ...signedOut, actorLabel: "Someone signed out, with a wrong code", purpose: REFUSAL_PURPOSE["wrong-code"] })).toBe(
      "Someone who was not signed in tried to open your counter key with a wrong code. Nothing was shown.",
    );
    expect(describeRefusal({ actorType: "DEALER", actorId: "d2", actorLabel: "Sam Lee of Desert Motors (not the dealer you accepted)", purpose: REFUSAL_PURPOSE["someone-else"] })).toBe(
      "Sam Lee of Desert Motors (not the dealer you accepted) tried to open your counter key. Nothing was shown.",
    );
    expect(describeRefusal({ actorType: "COUNTER", actorId: "another-buyer", actorLabel: "Another Keyturn buyer, signed in", purpose: REFUSAL_PURPOSE["someone-else"] })).toBe(
      "Another Keyturn buyer, signed in to their own account, tried to open your counter key. Nothing was shown.",
    );
    expect(describeRefusal({ actorType: "COUNTER", actorId: "self", actorLabel: "You, signed in to your own account", purpose: REFUSAL_PURPOSE["someone-else"] })).toMatch(
      /^You tried to open your own counter key while signed in\. .*nothing was shown\.$/,
    );
  });

  it("reads how a signed-out opening failed from the label of rows logged before the purpose said it", () => {
    const old = { actorType: "COUNTER" as const, actorId: "counter-code:g1", purpose: "Tried to open your counter key" };
    expect(describeRefusal({ ...old, actorLabel: "Someone signed out, with a code that was already used" })).toBe(
      "Someone who was not signed in tried to open your counter key with a code that had already been used. Nothing was shown.",
    );
    expect(describeRefusal({ ...old, actorLabel: "Someone signed out, with no code" })).toMatch(/without the code\. Nothing was shown\.$/);
  });
});
