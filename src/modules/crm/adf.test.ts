import { describe, expect, it } from "vitest";
import { buildAdf, dollars, xmlText, yearField, type AdfInput } from "./adf";
import { adfElements, adfErrors, expectValidAdf } from "../../../test/adf-validate";

const base: AdfInput = {
  status: "new",
  leadId: "lead_1",
  requestedAt: new Date("2026-03-02T15:04:05.000Z"),
  request: {
    condition: "NEW",
    bodyType: "SUV",
    makes: ["Toyota"],
    model: null,
    yearMin: 2023,
    yearMax: 2025,
    maxMileage: null,
    features: ["AWD", "Heated seats"],
    maxPriceCents: 4_000_000,
    maxMonthlyCents: 65_000,
    termMonths: 60,
    downPaymentCents: 300_000,
    wantsFinancing: true,
    timeline: "WITHIN_MONTH",
    tradeIn: { year: 2015, make: "Honda", model: "Civic", mileage: 88_000 },
  },
  customer: { kind: "masked", alias: "Buyer 4F2A", relayEmail: "lead-0123456789abcdef0123456789abcdef@relay.keyturn.localhost" },
  vendor: { id: "dealer_1", name: "Desert Toyota", phone: "602-555-0190", email: null },
  provider: { name: "Keyturn", url: "http://localhost:3000" },
};

const texts = (xml: string, tag: string) => adfElements(xml, tag).map((e) => e.text);
const one = (xml: string, tag: string) => adfElements(xml, tag)[0]!;

describe("buildAdf", () => {
  it("builds a valid ADF 1.0 document with the adf processing instruction", () => {
    const xml = buildAdf(base);
    expectValidAdf(xml);
    expect(one(xml, "prospect").attrs.status).toBe("new");
    expect(texts(xml, "requestdate")).toEqual(["2026-03-02T15:04:05.000Z"]);
    expect(one(xml, "vehicle").attrs).toEqual({ interest: "buy", status: "new" });
    expect([texts(xml, "year"), texts(xml, "make"), texts(xml, "model")]).toEqual([["2023-2025"], ["Toyota"], ["SUV"]]);
    expect(one(xml, "price")).toMatchObject({ text: "40000", attrs: { type: "offer", currency: "USD" } });
    expect(adfElements(xml, "amount").map((a) => [a.attrs.type, a.text])).toEqual([["downpayment", "3000"], ["monthly", "650"], ["total", "40000"]]);
    expect(adfElements(xml, "name").filter((n) => n.path === "contact").map((n) => n.text)).toEqual(["Buyer 4F2A", "Desert Toyota"]);
    expect(texts(xml, "email")).toEqual([base.customer.relayEmail]);
    const comments = texts(xml, "comments");
    expect(comments[1]).toContain("Must-haves: AWD, Heated seats.");
    expect(comments[1]).toContain("Trade-in: 2015 Honda Civic, 88,000 miles.");
    // No terms set, no sentence about them.
    expect(comments[1]).not.toContain("terms");
    const withTerms = texts(buildAdf({ ...base, request: { ...base.request, terms: ["No add-ons", "Dealer fees at most $500"] } }), "comments");
    expect(withTerms[1]).toContain("The buyer's terms: No add-ons; Dealer fees at most $500. Keyturn refuses a quote that breaks them.");
    expect([texts(xml, "description"), texts(xml, "earliestdate"), texts(xml, "latestdate")]).toEqual([["Within a month"], ["2026-03-02"], ["2026-04-02"]]);
    expect(texts(xml, "vendorname")).toEqual(["Desert Toyota"]);
    expect(adfElements(xml, "name").find((n) => n.path === "provider")!.text).toBe("Keyturn");
  });

  it("gives 'new or used' one vehicle of each status per make, and validates with no budget, makes or years", () => {
    const xml = buildAdf({ ...base, request: { ...base.request, condition: "ANY", makes: ["Ford", "Ram"], yearMin: null, yearMax: null, maxPriceCents: null, maxMonthlyCents: null, tradeIn: null, features: [], timeline: "JUST_BROWSING" } });
    expectValidAdf(xml);
    expect(adfElements(xml, "vehicle").map((v) => v.attrs.status)).toEqual(["new", "used", "new", "used"]);
    expect(texts(xml, "make")).toEqual(["Ford", "Ford", "Ram", "Ram"]);
    expectValidAdf(buildAdf({ ...base, request: { ...base.request, makes: [] } }));
  });

  it("escapes buyer text with <, &, ]]> and quotes, drops what XML cannot carry, and stays valid", () => {
    const nasty = `</comments><x a="1">&amp; ]]> "quoted" 'single' \u0000\u0007 ok`;
    const xml = buildAdf({ ...base, request: { ...base.request, model: nasty, features: [nasty], tradeIn: { year: 2010, make: nasty, model: "]]>", mileage: 1 } } });
    expectValidAdf(xml);
    expect(xml).not.toContain("</comments><x");
    expect(xml).not.toContain("]]>");
    expect(xml).not.toMatch(/[\u0000\u0007]/);
    // Read back, the text is what the buyer typed (less the two control characters).
    expect(texts(xml, "model")[0]).toBe(`</comments><x a="1">&amp; ]]> "quoted" 'single'  ok`);
  });

  it("carries the granted contact in a resend", () => {
    const xml = buildAdf({ ...base, status: "resend", customer: { kind: "contact", firstName: "Ava", lastName: "O'Neil & Co", email: "ava@example.com", phone: "555-0100", relayEmail: base.customer.relayEmail } });
    expectValidAdf(xml);
    expect(one(xml, "prospect").attrs.status).toBe("resend");
    const names = adfElements(xml, "name").filter((n) => n.path === "contact").slice(0, 2);
    expect(names.map((n) => [n.attrs.part, n.text])).toEqual([["first", "Ava"], ["last", "O'Neil & Co"]]);
    expect(texts(xml, "email")).toEqual(["ava@example.com"]);
  });

  it("the validator does reject a document the DTD forbids", () => {
    const bad = buildAdf(base).replace("<vendorname>", "<vendorname><bogus/>");
    const [err] = adfErrors([bad]);
    expect(err).toMatch(/bogus/);
    expect(() => expectValidAdf(buildAdf(base), bad)).toThrow(/ADF document 1 does not validate/);
  });

  it("formats the small fields", () => {
    expect([dollars(4_000_000), dollars(39_950), yearField(2024, 2024), yearField(2021, null), yearField(null, null)]).toEqual(["40000", "399.50", "2024", "2021 or newer", ""]);
    expect(xmlText("a\u0001b\uFFFEc")).toBe("abc");
  });
});
