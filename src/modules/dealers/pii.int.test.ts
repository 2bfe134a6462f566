import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { Policy } from "~/server/api/trpc";
import { db } from "~/server/db";
import { actorOf, callerAs, makeCustomer } from "../../../test/factories";
import { makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { rateDeal } from "~/modules/ratings/rate-deal";
import { dealerNorthOf, postRequest, quoteInput } from "../../../test/marketplace";
import { drainJobs } from "~/server/jobs/worker";
import { CRM_PLAN_LEADS_QUEUE } from "~/modules/crm/queues";

/**
 * Before acceptance, nothing a dealer can call returns the buyer's name, email, phone or street.
 * Every procedure whose policy is "dealer" must appear below with a sample input: a new dealer procedure
 * fails this test until it is added to the walk.
 */
type Ctx = { ratingId: string; leadId: string; otherLeadId: string; quoteId: string; version: number; unitId: string; keyId: string; crmAddressId: string; crmDeliveryId: string; thirdLeadId: string; fitUnitId: string };
const { leadId: _omit, ...quoteFields } = quoteInput("x");
const samples: Record<string, (c: Ctx) => unknown> = {
  "dealer.leads": () => ({ status: "ALL" }),
  "dealer.lead": (c) => ({ leadId: c.leadId }),
  "dealer.coverage": () => undefined,
  "dealer.speed": () => undefined,
  "dealer.submitQuote": (c) => quoteInput(c.leadId),
  "dealer.reviseQuote": (c) => ({ ...quoteFields, quoteId: c.quoteId, version: c.version, vehiclePriceCents: 3_399_000 }),
  "dealer.withdrawQuote": (c) => ({ quoteId: c.quoteId, reason: "Sold" }),
  "dealer.pass": (c) => ({ leadId: c.otherLeadId, reason: "No stock" }),
  "dealer.updateCoverage": () => ({ zip: "57701", serviceRadiusMiles: 60, makes: ["Toyota"], bodyTypes: ["SUV"], sellsNew: true, sellsUsed: true, minPriceCents: 500_000, maxPriceCents: 9_000_000, dailyLeadCap: 50 }),
  "threads.dealerGet": (c) => ({ leadId: c.leadId }),
  "threads.dealerSend": (c) => ({ leadId: c.leadId, body: "Hello, we have it in stock." }),
  "threads.dealerMarkRead": (c) => ({ leadId: c.leadId }),
  "threads.dealerUnread": (c) => ({ leadIds: [c.leadId] }),
  // Before acceptance this must refuse; after acceptance it is the one place contact details appear.
  "inbox.buyerContact": (c) => ({ leadId: c.leadId }),
  "inventory.list": () => ({}),
  "inventory.updatePrice": (c) => ({ unitId: c.unitId, priceCents: 2_999_500 }),
  "inventory.markSold": (c) => ({ unitId: c.unitId }),
  "inventory.markAvailable": (c) => ({ unitId: c.unitId }),
  "dealer.suggestUnits": (c) => ({ leadId: c.thirdLeadId }),
  "dealer.sendQuoteFromUnit": (c) => ({ leadId: c.thirdLeadId, unitId: c.fitUnitId }),
  "dealerSettings.quoteDefaults": () => undefined,
  "dealerSettings.updateQuoteDefaults": () => ({ docFeeCents: 49_900, addOnsCents: 0, addOnsLabel: null, taxRateBps: null, quoteValidDays: 7 }),
  "analytics.dealer": () => undefined,
  "analytics.customers": () => undefined,
  // The skipped-leads list names leads: it must show the buyer's alias and wanted car only.
  "dealer.autoQuote": () => undefined,
  "dealer.updateAutoQuote": () => ({ enabled: true, discountBps: 250, dailyCap: 10 }),
  "delivery.forLead": (c) => ({ leadId: c.leadId }),
  // Before acceptance there is no deal: both refuse, and the refusal must say nothing about the buyer.
  "delivery.record": () => ({ dealId: "no-deal-yet", deliveredOn: new Date(), vehiclePriceCents: 3_000_000, feesCents: 0, addOnsCents: 0, incentivesCents: 0, taxCents: 0, tradeInOfferCents: 0, financingUsed: "CASH" }),
  "delivery.notDelivered": () => ({ dealId: "no-deal-yet", reason: "The car was damaged in transit." }),
  "inventory.createApiKey": () => ({ name: "DMS feed", mode: "LIVE" }),
  "inventory.apiKeys": () => undefined,
  "inventory.revokeApiKey": (c) => ({ id: c.keyId }),
  // CRM delivery: the delivery's document is the lead's ADF, which must hold only the alias and relay address.
  "crm.settings": () => undefined,
  "crm.addAddress": () => ({ email: "crm-pii-2@dealer-crm.example" }),
  "crm.saveEndpoint": () => ({ url: "http://127.0.0.1:9/adf" }),
  "crm.rotateSecret": () => undefined,
  "crm.deliveries": () => ({}),
  "crm.delivery": (c) => ({ id: c.crmDeliveryId }),
  "crm.redrive": (c) => ({ id: c.crmDeliveryId }),
  "crm.removeAddress": (c) => ({ id: c.crmAddressId }),
  "crm.relayReplies": () => undefined,
  // An unsigned rating by this buyer, with a comment: the dealer sees "A verified buyer", never who.
  "ratings.dealerFeedback": () => undefined,
  "ratings.answer": (c) => ({ ratingId: c.ratingId, answer: "Thank you for buying from us." }),
};
// Procedures that may refuse in this walk (nothing is accepted yet).
const mayRefuse = new Set(["inbox.buyerContact", "delivery.record", "delivery.notDelivered"]);
// Run order matters for mutations (quote before revise before withdraw).
const order = Object.keys(samples);

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { policy?: Policy }; type: string } }>)
  .filter(([, p]) => p._def.meta?.policy === "dealer" && p._def.type !== "subscription")
  .map(([path]) => path);

const secrets = { firstName: "Zephyrine", lastName: "Quillfeather", phone: "555-867-5309", street: "742 Evergreen Terrace" };
let buyer: { id: string; email: string };
let buyerName: string;
let ctx: Ctx;
let dealerOwner: string;

beforeAll(async () => {
  buyer = await makeCustomer(secrets);
  buyerName = (await db.user.findUniqueOrThrow({ where: { id: buyer.id }, select: { name: true } })).name;
  const dealer = await dealerNorthOf(5);
  const other = await dealerNorthOf(5);
  dealerOwner = dealer.ownerId;
  const crmAddress = await db.dealerCrmAddress.create({ data: { dealerId: dealer.id, email: "crm-pii-1@dealer-crm.example" }, select: { id: true } });
  const requestId = await postRequest(buyer.id, { features: ["Heated seats"] });
  // The lead's CRM delivery is planned (not sent) and marked failed, so the walk can read and redrive it.
  await drainJobs([CRM_PLAN_LEADS_QUEUE]);
  const crmDelivery = await db.crmDelivery.findFirstOrThrow({ where: { dealerId: dealer.id, lead: { requestId } }, select: { id: true } });
  await db.crmDelivery.update({ where: { id: crmDelivery.id }, data: { status: "FAILED" } });
  const second = await postRequest(buyer.id);
  const third = await postRequest(buyer.id);
  const lead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId, dealerId: dealer.id } } });
  const otherLead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId: second, dealerId: dealer.id } } });
  // Only this file's requests: jobs left queued by earlier files may fan out to a dealer made here too.
  expect(await db.lead.count({ where: { dealerId: other.id, requestId: { in: [requestId, second] } } })).toBe(2);
  const unit = await db.inventoryUnit.create({
    data: { dealerId: dealer.id, vin: "1HGCM82633A004352", condition: "USED", year: 2003, make: "Honda", model: "Accord", mileage: 120_000, priceCents: 499_500 },
    select: { id: true },
  });
  const thirdLead = await db.lead.findUniqueOrThrow({ where: { requestId_dealerId: { requestId: third, dealerId: dealer.id } } });
  // A unit that fits the base request (new Toyota SUV within $40,000), for the suggestion and the one-click quote.
  const fit = await db.inventoryUnit.create({
    data: { dealerId: dealer.id, vin: "JTMBFREV7TD000123", condition: "NEW", year: 2026, make: "Toyota", model: "RAV4", bodyType: "SUV", mileage: 8, priceCents: 3_100_000 },
    select: { id: true },
  });
  // A delivered deal of this buyer's with the dealer, written as rows (no acceptance, so no grant), and its rating.
  const past = await makeRequest(buyer.id, { status: "ACCEPTED" });
  const pastQuote = await makeQuote(past.id, dealer.id, { status: "ACCEPTED" });
  const pastDeal = await db.deal.create({ data: { requestId: past.id, quoteId: pastQuote.id, customerId: buyer.id, dealerId: dealer.id, quoteVersion: 1, otdCents: 1, outcome: "CONFIRMED", deliveredOn: new Date() }, select: { id: true } });
  await rateDeal({ actor: await actorOf(buyer.id), dealId: pastDeal.id, target: "DEALER", stars: 4, reasons: ["priceAsQuoted"], comment: "Quick and fair." });
  const rating = await db.rating.findFirstOrThrow({ where: { dealId: pastDeal.id }, select: { id: true } });
  ctx = { ratingId: rating.id, leadId: lead.id, otherLeadId: otherLead.id, quoteId: "", version: 1, unitId: unit.id, keyId: "", crmAddressId: crmAddress.id, crmDeliveryId: crmDelivery.id, thirdLeadId: thirdLead.id, fitUnitId: fit.id };
});

function assertNoPii(path: string, value: unknown) {
  const text = JSON.stringify(value ?? null);
  for (const s of [secrets.firstName, secrets.lastName, secrets.phone, secrets.street, buyer.email, buyerName, buyer.id]) {
    expect(text.includes(s), `${path} leaked "${s}"`).toBe(false);
  }
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object" && !(v instanceof Date)) for (const [k, x] of Object.entries(v)) (keys.add(k), walk(x));
  };
  walk(value);
  for (const k of ["email", "phone", "street", "firstName", "lastName", "customerId", "customer", "lat", "lng", "zip_code"]) {
    expect(keys.has(k), `${path} returned a "${k}" field`).toBe(false);
  }
}

describe("dealer-facing data has no buyer PII", () => {
  it("knows a sample input for every dealer procedure", () => {
    expect(procedures.filter((p) => !samples[p])).toEqual([]);
  });

  it("walks every dealer procedure's output", async () => {
    const caller = (await callerAs(dealerOwner)) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    const walked: string[] = [];
    for (const path of order.filter((p) => procedures.includes(p))) {
      const [ns, name] = path.split(".") as [string, string];
      let out: unknown;
      try {
        out = await caller[ns]![name]!(samples[path]!(ctx));
      } catch (e) {
        // A refusal is fine (e.g. contact before acceptance), as long as it says nothing about the buyer.
        out = { error: (e as Error).message };
        if (!mayRefuse.has(path)) throw e;
      }
      if (path === "dealer.submitQuote") ctx.quoteId = (out as { id: string }).id;
      if (path === "dealer.reviseQuote") ctx.version = (out as { version: number }).version;
      if (path === "inventory.createApiKey") ctx.keyId = (out as { id: string }).id;
      assertNoPii(path, out);
      walked.push(path);
    }
    expect(walked).toEqual(expect.arrayContaining(["dealer.leads", "dealer.lead", "dealer.submitQuote"]));
  });

  it("the lead list and detail still say what the buyer wants", async () => {
    const caller = await callerAs(dealerOwner);
    const detail = await caller.dealer.lead({ leadId: ctx.leadId });
    expect(detail.request).toMatchObject({ city: "Rapid City", bodyType: "SUV", features: ["Heated seats"] });
    expect(detail.buyerAlias).toMatch(/^Buyer /);
  });
});
