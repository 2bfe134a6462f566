import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { requestLabel, whoCanSee } from "./describe";
import { kitChannel } from "~/modules/keep-in-touch/authorize-dealer-message";

const requestSummary = { select: { id: true, condition: true, bodyType: true, makes: true, model: true, status: true } } as const;

const grantSelect = {
  id: true,
  granteeType: true,
  lenderIds: true,
  dealerId: true,
  fields: true,
  purpose: true,
  requestId: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
  request: requestSummary,
  consent: { select: { textShown: true, agreedAt: true } },
} satisfies Prisma.ConsentGrantSelect;

export type GrantStatus = "active" | "expired" | "revoked";

/**
 * Everything the "My data" page shows: every key the customer gave (newest first) with who holds it,
 * what it opens, for which request, until when and how often it was used; and their accepted purchases,
 * under which they can hand the dealer's desk a counter key. Never the token of a key.
 */
export async function listMyData(customerId: string, now = new Date()) {
  const [grants, deals, returning] = await Promise.all([
    db.consentGrant.findMany({ where: { customerId }, select: grantSelect, orderBy: { createdAt: "desc" }, take: 200 }),
    db.deal.findMany({
      where: { customerId },
      select: { id: true, createdAt: true, requestId: true, dealer: { select: { id: true, name: true } }, request: requestSummary },
      orderBy: { createdAt: "desc" },
    }),
    // Request-level opt-ins: the only thing sent is the badge, and only while the row exists.
    db.returningBuyerShare.findMany({
      where: { customerId },
      select: { requestId: true, returning: true, agreedAt: true, textShown: true, request: requestSummary },
      orderBy: { agreedAt: "desc" },
      take: 100,
    }),
  ]);
  // Uses per listed grant (AccessLog_grantId_idx). Prisma's relation _count aggregated the whole access
  // log before joining.
  const uses = grants.length
    ? await db.accessLog.groupBy({ by: ["grantId"], where: { grantId: { in: grants.map((g) => g.id) }, refused: false }, _count: { _all: true } })
    : [];
  const usesOf = new Map(uses.map((u) => [u.grantId, u._count._all]));
  const lenderIds = [...new Set(grants.flatMap((g) => g.lenderIds))];
  const dealerIds = [...new Set(grants.flatMap((g) => (g.dealerId ? [g.dealerId] : [])))];
  const [lenders, dealers] = await Promise.all([
    db.lender.findMany({ where: { id: { in: lenderIds } }, select: { id: true, name: true } }),
    db.dealer.findMany({ where: { id: { in: dealerIds } }, select: { id: true, name: true } }),
  ]);
  const lenderName = new Map(lenders.map((l) => [l.id, l.name]));
  const dealerName = new Map(dealers.map((d) => [d.id, d.name]));

  const rows = grants.map((g) => {
    const status: GrantStatus = g.revokedAt ? "revoked" : g.expiresAt <= now ? "expired" : "active";
    return {
      id: g.id,
      kind: g.granteeType,
      status,
      who: whoCanSee({
        granteeType: g.granteeType,
        lenderNames: g.lenderIds.map((id) => lenderName.get(id) ?? "A lender"),
        dealerName: g.dealerId ? (dealerName.get(g.dealerId) ?? null) : null,
      }),
      fields: g.fields,
      forWhat: g.request ? requestLabel(g.request) : g.purpose,
      requestId: g.requestId,
      requestStatus: g.request?.status ?? null,
      createdAt: g.createdAt,
      expiresAt: g.expiresAt,
      revokedAt: g.revokedAt,
      uses: usesOf.get(g.id) ?? 0,
      agreedText: g.consent?.textShown ?? null,
    };
  });
  return {
    keepInTouch: await keepInTouchRows(customerId, now),
    returningBuyer: returning.map((r) => ({ requestId: r.requestId, forWhat: requestLabel(r.request), requestStatus: r.request.status, shown: r.returning, agreedAt: r.agreedAt, agreedText: r.textShown })),
    grants: rows.filter((g) => g.kind !== "COUNTER"),
    deals: deals.map((d) => ({
      id: d.id,
      dealerName: d.dealer.name,
      requestLabel: requestLabel(d.request),
      acceptedAt: d.createdAt,
      counterKeys: rows.filter((g) => g.kind === "COUNTER" && g.requestId === d.requestId),
    })),
  };
}
export type MyData = Awaited<ReturnType<typeof listMyData>>;

/** The keep-in-touch grants the buyer gave, newest first, with how many messages each dealer sent under it. */
async function keepInTouchRows(customerId: string, now: Date) {
  const grants = await db.keepInTouchGrant.findMany({
    where: { customerId },
    select: { id: true, dealerId: true, topics: true, capCount: true, capPeriod: true, endsAt: true, revokedAt: true, createdAt: true, textShown: true },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  if (grants.length === 0) return [];
  const [uses, dealers] = await Promise.all([
    db.accessLog.groupBy({ by: ["channel"], where: { customerId, channel: { in: grants.map((g) => kitChannel(g.id)) }, refused: false }, _count: { _all: true } }),
    db.dealer.findMany({ where: { id: { in: [...new Set(grants.map((g) => g.dealerId))] } }, select: { id: true, name: true } }),
  ]);
  const usesOf = new Map(uses.map((u) => [u.channel, u._count._all]));
  const dealerName = new Map(dealers.map((d) => [d.id, d.name]));
  return grants.map((g) => ({
    id: g.id,
    dealerName: dealerName.get(g.dealerId) ?? "The dealer you bought from",
    status: (g.revokedAt ? "revoked" : g.endsAt <= now ? "expired" : "active") as GrantStatus,
    topics: g.topics,
    capCount: g.capCount,
    capPeriod: g.capPeriod,
    endsAt: g.endsAt,
    revokedAt: g.revokedAt,
    createdAt: g.createdAt,
    uses: usesOf.get(kitChannel(g.id)) ?? 0,
    agreedText: g.textShown,
  }));
}
