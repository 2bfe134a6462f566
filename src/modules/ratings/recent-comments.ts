import { db } from "~/server/db";
import { UNSIGNED_BYLINE } from "./get-dealer-feedback";

export const COMMENTS_PER_DEALER = 3;

export type PublicComment = { id: string; stars: number; byline: string; comment: string; answer: string | null; createdAt: Date };

/**
 * The newest visible comments of each quoting dealer, for the buyer's inbox: COMMENTS_PER_DEALER each, one
 * index range per dealer (Rating's dealerId/createdAt index, LATERAL), so the read grows with the buyer's
 * own quotes, not with a dealer's ratings. Hidden comments are left out, and their answers with them.
 */
export async function recentComments(dealerIds: string[]): Promise<Map<string, PublicComment[]>> {
  const out = new Map<string, PublicComment[]>();
  if (dealerIds.length === 0) return out;
  const rows = await db.$queryRaw<(PublicComment & { dealerId: string; signedName: string | null })[]>`
    SELECT d.id AS "dealerId", r."id", r."stars", r."comment", r."signedName", r."answer", r."createdAt"
    FROM unnest(${dealerIds}::text[]) AS d(id)
    CROSS JOIN LATERAL (
      SELECT "id", "stars", "comment", "signedName", "answer", "createdAt" FROM "Rating"
      WHERE "dealerId" = d.id AND "target" = 'DEALER' AND "comment" IS NOT NULL AND "hiddenAt" IS NULL
      ORDER BY "createdAt" DESC LIMIT ${COMMENTS_PER_DEALER}
    ) r`;
  for (const { dealerId, signedName, ...r } of rows) {
    const list = out.get(dealerId) ?? [];
    list.push({ id: r.id, stars: r.stars, comment: r.comment, answer: r.answer, createdAt: r.createdAt, byline: signedName ?? UNSIGNED_BYLINE });
    out.set(dealerId, list);
  }
  return out;
}
