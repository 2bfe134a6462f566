import { db } from "~/server/db";
import { customerBase, dealValueCents, lifecycleStage, lifetimeValue, type Stage } from "./figures";
import { analyticsDealSelect, toAnalyticsDeal } from "./get-dealer-analytics";

export type DealerCustomer = {
  /** The buyer's alias on their latest lead with this dealer: the list never carries the customer's id. */
  alias: string;
  /** The latest lead: the page reads the contact through it (getBuyerContact, logged) and links to it. */
  latestLeadId: string;
  stage: Stage;
  formerReason: "revoked" | "bought elsewhere" | null;
  deals: number;
  leads: { id: string; alias: string }[];
  soFarCents: number;
  projectedCents: number;
  lifetimeCents: number;
  lastDealAt: Date;
};

/**
 * Every customer this dealer has won (a deal not marked "not delivered"), with lifecycle stage and
 * lifetime value. Reads the dealer's deals (Deal_dealerId_createdAt_idx), then for those customers only:
 * their dealer grants to this dealer (ConsentGrant_customerId_idx) and their deals with anyone else
 * (Deal_customerId_createdAt_idx). No identity is read here; it is read one customer at a time through the
 * buyer's grant, so each read is in that buyer's access log.
 */
export async function listDealerCustomers(dealerId: string, now = new Date()) {
  const deals = (await db.deal.findMany({ where: { dealerId }, select: analyticsDealSelect, orderBy: { createdAt: "desc" } })).map(toAnalyticsDeal);
  const counted = deals.filter((d) => d.outcome !== "NOT_DELIVERED");
  const base = customerBase(counted);
  const ids = [...new Set(counted.map((d) => d.customerId))];
  const [grants, elsewhere] = ids.length
    ? await Promise.all([
        db.consentGrant.findMany({ where: { customerId: { in: ids }, granteeType: "DEALER", dealerId }, select: { customerId: true, revokedAt: true, expiresAt: true } }),
        db.deal.findMany({ where: { customerId: { in: ids }, dealerId: { not: dealerId } }, select: { customerId: true, createdAt: true } }),
      ])
    : [[], []];
  // Grouped once, so the list costs in proportion to the dealer's deals, not deals × customers.
  const group = <T extends { customerId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.customerId, [...(m.get(r.customerId) ?? []), r]);
    return m;
  };
  const dealsOf = group(counted);
  const grantsOf = group(grants);
  const elsewhereOf = group(elsewhere);
  const customers: DealerCustomer[] = ids.map((customerId) => {
    const own = dealsOf.get(customerId)!; // newest first
    const latest = own[0]!;
    const mine = grantsOf.get(customerId) ?? [];
    // Took the key back: a grant to this dealer was revoked and none is live now.
    const revoked = mine.some((g) => g.revokedAt) && !mine.some((g) => !g.revokedAt && g.expiresAt > now);
    const boughtElsewhereLater = (elsewhereOf.get(customerId) ?? []).some((e) => e.createdAt > latest.createdAt);
    const stage = lifecycleStage({ deals: own.length, revoked, boughtElsewhereLater });
    const soFarCents = own.reduce((s, d) => s + dealValueCents(d), 0);
    const ltv = lifetimeValue({ soFarCents, former: stage === "former" }, base);
    return {
      alias: latest.buyerAlias,
      latestLeadId: latest.leadId,
      stage,
      formerReason: stage !== "former" ? null : revoked ? "revoked" : "bought elsewhere",
      deals: own.length,
      leads: own.map((d) => ({ id: d.leadId, alias: d.buyerAlias })),
      soFarCents,
      projectedCents: ltv.projectedCents,
      lifetimeCents: ltv.totalCents,
      lastDealAt: latest.createdAt,
    };
  });
  const { customers: customerCount, ...rates } = base;
  return { asOf: now, customerCount, ...rates, customers };
}
