import { db } from "~/server/db";
import { UNSIGNED_BYLINE } from "./get-dealer-feedback";

/** The admin's moderation list: the newest ratings that have a comment, with who was rated and their state. */
export async function listRecentRatings() {
  const rows = await db.rating.findMany({
    where: { comment: { not: null } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true, target: true, stars: true, comment: true, signedName: true, answer: true, hiddenAt: true, hiddenReason: true, createdAt: true,
      dealer: { select: { name: true } },
      lender: { select: { name: true } },
    },
  });
  return rows.map(({ dealer, lender, signedName, ...r }) => ({ ...r, byline: signedName ?? UNSIGNED_BYLINE, rated: dealer?.name ?? lender?.name ?? "—" }));
}
