import { db } from "~/server/db";

/**
 * What the "share my credit profile" choice on a new request needs: whether a band is on file (sharing
 * without one is refused, see create-request.ts) and the lenders the buyer may pick from — the verified
 * ones, the same set the pre-approval job draws from.
 */
export async function getCreditShareOptions(customerId: string) {
  const [profile, lenders] = await Promise.all([
    db.customerProfile.findUnique({ where: { userId: customerId }, select: { id: true, creditTier: true, creditSource: true } }),
    db.lender.findMany({ where: { verified: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { hasProfile: profile != null, creditTier: profile?.creditTier ?? null, creditSource: profile?.creditSource ?? null, lenders };
}
