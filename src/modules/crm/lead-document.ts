import type { Prisma } from "~/generated/prisma/client";
import { env } from "~/env.js";
import { db } from "~/server/db";
import { readCustomerData } from "~/modules/consent/read-customer-data";
import { buildAdf, type AdfCustomer, type AdfInput } from "./adf";
import { ensureRelayToken, relayAddress } from "./relay-address";
import { buyerTermsSelect, describeTerms } from "~/modules/requests/buyer-terms";

export const PROVIDER_NAME = "Keyturn";

// What an ADF document says about the request: the same fields the dealer's lead page shows, no more.
const leadForAdfSelect = {
  id: true,
  dealerId: true,
  buyerAlias: true,
  requestId: true,
  request: {
    select: {
      customerId: true,
      createdAt: true,
      condition: true,
      bodyType: true,
      makes: true,
      model: true,
      yearMin: true,
      yearMax: true,
      maxMileage: true,
      features: true,
      maxPriceCents: true,
      maxMonthlyCents: true,
      termMonths: true,
      downPaymentCents: true,
      wantsFinancing: true,
      timeline: true,
      tradeInYear: true,
      tradeInMake: true,
      tradeInModel: true,
      tradeInMileage: true,
      ...buyerTermsSelect,
    },
  },
  dealer: {
    select: {
      id: true,
      name: true,
      phone: true,
      crmAddresses: { select: { email: true }, orderBy: { createdAt: "asc" }, take: 1 },
      members: { where: { role: "OWNER" }, select: { user: { select: { email: true } } }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  },
} satisfies Prisma.LeadSelect;

type LeadForAdf = Prisma.LeadGetPayload<{ select: typeof leadForAdfSelect }>;

function adfInput(lead: LeadForAdf, status: AdfInput["status"], customer: AdfCustomer): AdfInput {
  const r = lead.request;
  const d = lead.dealer;
  return {
    status,
    leadId: lead.id,
    requestedAt: r.createdAt,
    request: {
      ...r,
      tradeIn: r.tradeInYear || r.tradeInMake || r.tradeInModel ? { year: r.tradeInYear, make: r.tradeInMake, model: r.tradeInModel, mileage: r.tradeInMileage } : null,
      terms: describeTerms(r).map((t) => t.text),
    },
    customer,
    // ADF needs a way to reach the vendor: the showroom phone, else the dealer's own CRM or owner address.
    vendor: { id: d.id, name: d.name, phone: d.phone, email: d.crmAddresses[0]?.email ?? (d.phone ? null : (d.members[0]?.user.email ?? null)) },
    provider: { name: PROVIDER_NAME, url: env.NEXTAUTH_URL },
  };
}

async function loadLead(leadId: string) {
  return db.lead.findUniqueOrThrow({ where: { id: leadId }, select: leadForAdfSelect });
}

/** The lead as first delivered: the buyer appears only as this dealer's alias and the lead's relay address. */
export async function firstLeadAdf(leadId: string): Promise<{ xml: string; alias: string }> {
  const lead = await loadLead(leadId);
  const relayEmail = relayAddress(await ensureRelayToken(db, leadId));
  return { xml: buildAdf(adfInput(lead, "new", { kind: "masked", alias: lead.buyerAlias, relayEmail })), alias: lead.buyerAlias };
}

/**
 * The resend for the accepted dealer: the contact read through readCustomerData, so the buyer's access
 * log shows the read (one row per document built). No valid grant (revoked, expired, another dealer) →
 * readCustomerData's NOT_FOUND, and nothing is built.
 */
export async function resendLeadAdf(leadId: string): Promise<{ xml: string; alias: string }> {
  const lead = await loadLead(leadId);
  const data = await readCustomerData({
    reader: { type: "DEALER", id: lead.dealerId, label: `${lead.dealer.name} (CRM delivery)` },
    customerId: lead.request.customerId,
    fields: ["CONTACT"],
    // The buyer never learns the dealer's CRM address, so the purpose does not name it.
    purpose: "Sending your contact details to the dealer's CRM for the purchase you accepted",
    requestId: lead.requestId,
    channel: "job",
  });
  const c = data.contact!;
  const relayEmail = relayAddress(await ensureRelayToken(db, leadId));
  return {
    xml: buildAdf(adfInput(lead, "resend", { kind: "contact", firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone, relayEmail })),
    alias: lead.buyerAlias,
  };
}
