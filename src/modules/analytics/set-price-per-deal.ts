import { db } from "~/server/db";
import { notFound } from "~/server/errors";

/** The admin sets what a dealer pays per accepted deal; the dealer's analytics count its leads' cost with it. */
export async function setPricePerDeal({ dealerId, pricePerDealCents }: { dealerId: string; pricePerDealCents: number }) {
  const r = await db.dealer.updateMany({ where: { id: dealerId }, data: { pricePerDealCents } });
  if (r.count === 0) throw notFound();
  return { dealerId, pricePerDealCents };
}

/** Every dealer with its price, for the admin's price list. */
export async function listDealerPrices() {
  return db.dealer.findMany({ select: { id: true, name: true, city: true, state: true, pricePerDealCents: true }, orderBy: [{ state: "asc" }, { city: "asc" }, { name: "asc" }] });
}
