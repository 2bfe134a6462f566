import { z } from "zod";
import { adminProcedure, dealerProcedure, router } from "~/server/api/trpc";
import { getDealerAnalytics } from "~/modules/analytics/get-dealer-analytics";
import { listDealerCustomers } from "~/modules/analytics/list-dealer-customers";
import { marketView } from "~/modules/analytics/market-by-metro";
import { listDealerPrices, setPricePerDeal } from "~/modules/analytics/set-price-per-deal";

// Dealer analytics (the dealer's own rows only: ctx.dealerId, never an input) and the admin's side of
// them: the market by metro and the price per accepted deal that the dealers' return figures use.
export const analyticsRouter = router({
  dealer: dealerProcedure.input(z.void()).query(({ ctx }) => getDealerAnalytics(ctx.dealerId)),
  customers: dealerProcedure.input(z.void()).query(({ ctx }) => listDealerCustomers(ctx.dealerId)),
  market: adminProcedure.input(z.void()).query(() => marketView()),
  dealerPrices: adminProcedure.input(z.void()).query(() => listDealerPrices()),
  setPricePerDeal: adminProcedure
    .input(z.object({ dealerId: z.string().min(1).max(40), pricePerDealCents: z.number().int().min(0).max(10_000_000) }).strict())
    .mutation(({ input }) => setPricePerDeal(input)),
});
