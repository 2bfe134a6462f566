import { db } from "~/server/db";
import { notFound } from "~/server/errors";
import type { Role } from "~/generated/prisma/client";

export async function listUsers({ query }: { query?: string }) {
  return db.user.findMany({
    where: query ? { OR: [{ email: { contains: query, mode: "insensitive" } }, { name: { contains: query, mode: "insensitive" } }] } : {},
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 30,
  });
}

/** Disabling or re-roling a user bumps their session version, so it takes effect on their next request. */
export async function setUserAccess({ userId, disabled, role }: { userId: string; disabled?: boolean; role?: Role }) {
  const updated = await db.user.updateMany({
    where: { id: userId },
    data: { ...(disabled === undefined ? {} : { disabled }), ...(role ? { role } : {}), sessionVersion: { increment: 1 } },
  });
  if (updated.count === 0) throw notFound("No such user.");
}

export async function listOrganisations() {
  const [dealers, lenders] = await Promise.all([
    db.dealer.findMany({ select: { id: true, name: true, city: true, state: true, verified: true }, orderBy: { name: "asc" } }),
    db.lender.findMany({ select: { id: true, name: true, verified: true, policyActive: true }, orderBy: { name: "asc" } }),
  ]);
  return { dealers, lenders };
}

export async function setVerified({ kind, id, verified }: { kind: "dealer" | "lender"; id: string; verified: boolean }) {
  const r = kind === "dealer"
    ? await db.dealer.updateMany({ where: { id }, data: { verified } })
    : await db.lender.updateMany({ where: { id }, data: { verified } });
  if (r.count === 0) throw notFound();
}

export async function marketMetrics() {
  const [customers, dealers, lenders, openRequests, leads, quotes, deals] = await Promise.all([
    db.user.count({ where: { role: "CUSTOMER" } }),
    db.dealer.count(),
    db.lender.count(),
    db.request.count({ where: { status: "OPEN" } }),
    db.lead.count(),
    db.quote.count(),
    db.deal.count(),
  ]);
  return { customers, dealers, lenders, openRequests, leads, quotes, deals };
}
