import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { bodyTypeLabel, conditionLabel, timelineLabel } from "~/modules/requests/labels";

/**
 * ADF/XML 1.0 (Auto-lead Data Format), the lead format every dealer CRM reads. Pure: the caller loads the
 * rows and decides what the customer block may say. Built with xmlbuilder2, which escapes every text and
 * attribute (& < > " and the > of "]]>"), so buyer text cannot break out of its element. Characters that
 * XML 1.0 cannot carry at all (most control characters) are dropped first: escaping cannot save them.
 */

type Condition = keyof typeof conditionLabel;
type BodyType = keyof typeof bodyTypeLabel;
type Timeline = keyof typeof timelineLabel;

export type AdfCustomer =
  // Before acceptance: the per-dealer alias and the lead's relay address, never who the buyer is.
  | { kind: "masked"; alias: string; relayEmail: string }
  // The resend after acceptance: what the buyer's grant allowed, read through readCustomerData.
  | { kind: "contact"; firstName: string; lastName: string; email: string; phone: string | null; relayEmail: string };

export type AdfInput = {
  status: "new" | "resend";
  leadId: string;
  requestedAt: Date;
  request: {
    condition: Condition;
    bodyType: BodyType;
    makes: string[];
    model: string | null;
    yearMin: number | null;
    yearMax: number | null;
    maxMileage: number | null;
    features: string[];
    maxPriceCents: number | null;
    maxMonthlyCents: number | null;
    termMonths: number | null;
    downPaymentCents: number;
    wantsFinancing: boolean;
    timeline: Timeline;
    tradeIn: { year: number | null; make: string | null; model: string | null; mileage: number | null } | null;
    /** The buyer's own terms, one short line each (requests/buyer-terms.ts describeTerms). */
    terms?: string[];
  };
  customer: AdfCustomer;
  vendor: { id: string; name: string; phone: string | null; email: string | null };
  provider: { name: string; url: string };
};

// XML 1.0's Char production: tab, LF, CR and everything from space up, minus surrogates and U+FFFE/FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** Buyer (and dealer) text as XML may carry it: invalid characters dropped, length bounded. */
export function xmlText(s: string, max = 500): string {
  return s.replace(NOT_XML_CHAR, "").slice(0, max);
}

/** Whole dollars when the cents are round, else two decimals: "40000", "399.50". */
export function dollars(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** The request's year range as ADF's one year field: "2024", "2021-2024", "2021 or newer", "" (any). */
export function yearField(min: number | null, max: number | null): string {
  if (min && max) return min === max ? String(min) : `${min}-${max}`;
  if (min) return `${min} or newer`;
  if (max) return `${max} or older`;
  return "";
}

// Days until the buyer means to buy, for timeframe/latestdate. Browsing buyers give no latest date.
const TIMELINE_DAYS: Record<Timeline, number | null> = { ASAP: 7, WITHIN_2_WEEKS: 14, WITHIN_MONTH: 31, WITHIN_3_MONTHS: 92, JUST_BROWSING: null };
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Adds <name attrs>value</name>. xmlbuilder2 escapes <, > and a bare &, but passes through anything that
 * already reads as an entity reference ("&amp;", "&#60;"): a buyer who typed "&amp;" would reach the CRM
 * as "&". Doubling every & first makes the builder's pass-through give back exactly what was typed.
 */
function text(parent: XMLBuilder, name: string, value: string, attrs?: Record<string, string>, max = 500) {
  parent.ele(name, attrs).txt(xmlText(value, max).replace(/&/g, "&amp;"));
}

function vehicleComments(r: AdfInput["request"]): string {
  const parts = [`Body type: ${bodyTypeLabel[r.bodyType]}`, conditionLabel[r.condition]];
  const years = yearField(r.yearMin, r.yearMax);
  parts.push(years ? `Years: ${years}` : "Any year");
  if (r.maxMileage) parts.push(`Up to ${r.maxMileage.toLocaleString("en-US")} miles`);
  if (r.termMonths) parts.push(`Term: ${r.termMonths} months`);
  return parts.join(". ") + ".";
}

function customerComments(r: AdfInput["request"], relayEmail: string): string {
  const parts: string[] = [];
  parts.push(r.features.length ? `Must-haves: ${r.features.join(", ")}.` : "No must-have features.");
  const t = r.tradeIn;
  if (t && (t.year || t.make || t.model)) {
    const what = [t.year, t.make, t.model].filter(Boolean).join(" ");
    parts.push(`Trade-in: ${what}${t.mileage ? `, ${t.mileage.toLocaleString("en-US")} miles` : ""}.`);
  } else parts.push("No trade-in.");
  // A dealer working from its CRM reads the terms before it quotes: Keyturn refuses a quote that breaks one.
  if (r.terms?.length) parts.push(`The buyer's terms: ${r.terms.join("; ")}. Keyturn refuses a quote that breaks them.`);
  // Says only what holds today: the inbound relay that forwards replies is issue 11's part 2.
  parts.push(`${relayEmail} is this lead's Keyturn relay address, not the buyer's own. Answer the buyer on Keyturn.`);
  return parts.join(" ");
}

/** One ADF 1.0 document for one lead, as a string with the XML declaration and the adf processing instruction. */
export function buildAdf(input: AdfInput): string {
  const { request: r, customer: c, vendor: v } = input;
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ins("adf", 'version="1.0"');
  const prospect = doc.ele("adf").ele("prospect", { status: input.status });
  text(prospect, "id", input.leadId, { sequence: "1", source: input.provider.name });
  text(prospect, "requestdate", input.requestedAt.toISOString());

  // One vehicle per make the buyer named (or one "Any"), and for "new or used" one of each status:
  // the attribute has no third value, and leaving it out would mean "new".
  const makes = r.makes.length ? r.makes : ["Any"];
  const statuses = r.condition === "ANY" ? (["new", "used"] as const) : r.condition === "USED" ? (["used"] as const) : (["new"] as const);
  for (const make of makes) {
    for (const status of statuses) {
      const vehicle = prospect.ele("vehicle", { interest: "buy", status });
      text(vehicle, "year", yearField(r.yearMin, r.yearMax));
      text(vehicle, "make", make);
      text(vehicle, "model", r.model ?? bodyTypeLabel[r.bodyType]);
      text(vehicle, "bodystyle", bodyTypeLabel[r.bodyType]);
      if (r.maxPriceCents) {
        text(vehicle, "price", dollars(r.maxPriceCents), { type: "offer", currency: "USD" });
        text(vehicle, "pricecomments", "The buyer's budget: the most they will pay out the door.");
      }
      const finance = vehicle.ele("finance");
      text(finance, "method", r.wantsFinancing ? "finance" : "cash");
      text(finance, "amount", dollars(r.downPaymentCents), { type: "downpayment", limit: "exact", currency: "USD" });
      if (r.maxMonthlyCents) text(finance, "amount", dollars(r.maxMonthlyCents), { type: "monthly", limit: "maximum", currency: "USD" });
      if (r.maxPriceCents) text(finance, "amount", dollars(r.maxPriceCents), { type: "total", limit: "maximum", currency: "USD" });
      text(vehicle, "comments", vehicleComments(r));
    }
  }

  const customer = prospect.ele("customer");
  const contact = customer.ele("contact");
  if (c.kind === "masked") {
    text(contact, "name", c.alias, { part: "full" });
    text(contact, "email", c.relayEmail, { preferredcontact: "1" });
  } else {
    text(contact, "name", c.firstName, { part: "first" });
    text(contact, "name", c.lastName, { part: "last" });
    text(contact, "email", c.email, { preferredcontact: "1" });
    if (c.phone) text(contact, "phone", c.phone, { type: "voice" });
  }
  const timeframe = customer.ele("timeframe");
  text(timeframe, "description", timelineLabel[r.timeline]);
  text(timeframe, "earliestdate", day(input.requestedAt));
  const days = TIMELINE_DAYS[r.timeline];
  if (days !== null) text(timeframe, "latestdate", day(new Date(input.requestedAt.getTime() + days * 86_400_000)));
  text(customer, "comments", customerComments(r, c.relayEmail), undefined, 4000);

  const vendor = prospect.ele("vendor");
  text(vendor, "id", v.id, { source: input.provider.name });
  text(vendor, "vendorname", v.name);
  const vc = vendor.ele("contact");
  text(vc, "name", v.name, { part: "full", type: "business" });
  // ADF wants an email or a phone for every contact; the caller makes sure there is one.
  if (!v.email && !v.phone) throw new Error("An ADF vendor needs an email address or a phone number.");
  if (v.email) text(vc, "email", v.email);
  if (v.phone) text(vc, "phone", v.phone, { type: "voice" });

  const provider = prospect.ele("provider");
  text(provider, "name", input.provider.name, { part: "full", type: "business" });
  text(provider, "service", "Reverse marketplace: the buyer posted a request and this dealer matched it.");
  text(provider, "url", input.provider.url);

  return doc.end({ prettyPrint: true });
}
