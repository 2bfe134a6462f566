import type { Prisma } from "~/generated/prisma/client";
import { forbidden } from "~/server/errors";
import { db } from "~/server/db";
import type { AutoQuoteSettingsInput } from "./schemas";

export const autoQuoteSettingsSelect = {
  autoQuoteEnabled: true, autoQuoteDiscountBps: true, autoQuoteDailyCap: true, verified: true,
} satisfies Prisma.DealerSelect;

// What the page shows of a skipped lead: the same request fields as the lead board, never the buyer.
const skippedLeadSelect = {
  id: true, buyerAlias: true, createdAt: true, autoQuoteAt: true, autoQuoteSkip: true,
  request: { select: { bodyType: true, condition: true, makes: true, model: true, yearMin: true, yearMax: true } },
} satisfies Prisma.LeadSelect;

const RECENT_SKIPS = 10;

/**
 * The automatic quote rule as the dealer's page shows it: the settings, how many quotes it sent today
 * (the UTC day DealerAutoQuoteDay counts, so the figure is the one the cap is checked against), and the
 * latest leads it answered with nothing, with the reason.
 */
export async function getAutoQuoteSettings(dealerId: string) {
  const [dealer, today, skipped] = await Promise.all([
    db.dealer.findUniqueOrThrow({ where: { id: dealerId }, select: autoQuoteSettingsSelect }),
    db.$queryRaw<{ count: number }[]>`SELECT "count" FROM "DealerAutoQuoteDay" WHERE "dealerId" = ${dealerId} AND "day" = (now() AT TIME ZONE 'UTC')::date`,
    // Lead_dealerId_createdAt_idx walks this dealer's leads newest first and stops after ten skipped ones.
    db.lead.findMany({ where: { dealerId, autoQuoteSkip: { not: null } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: RECENT_SKIPS, select: skippedLeadSelect }),
  ]);
  return {
    enabled: dealer.autoQuoteEnabled,
    discountBps: dealer.autoQuoteDiscountBps,
    dailyCap: dealer.autoQuoteDailyCap,
    verified: dealer.verified,
    sentToday: today[0]?.count ?? 0,
    skipped,
  };
}

/** Turns the rule on or off and sets its discount and cap; only an owner may, as with coverage. */
export async function updateAutoQuoteSettings(dealerId: string, isOwner: boolean, input: AutoQuoteSettingsInput) {
  if (!isOwner) throw forbidden("Only an owner can change automatic quotes.");
  await db.dealer.update({
    where: { id: dealerId },
    data: { autoQuoteEnabled: input.enabled, autoQuoteDiscountBps: input.discountBps, autoQuoteDailyCap: input.dailyCap },
    select: { id: true },
  });
  return getAutoQuoteSettings(dealerId);
}
