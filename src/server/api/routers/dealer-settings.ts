import { z } from "zod";
import { dealerProcedure, router } from "~/server/api/trpc";
import { getQuoteDefaults, updateQuoteDefaults } from "~/modules/dealers/quote-defaults-settings";
import { updateQuoteDefaultsInput } from "~/modules/dealers/quote-defaults-input";

// A dealership's settings. Any member reads them (the lead page drafts quotes from them); owners change them.
export const dealerSettingsRouter = router({
  quoteDefaults: dealerProcedure.input(z.void()).query(({ ctx }) => getQuoteDefaults(ctx.dealerId)),
  updateQuoteDefaults: dealerProcedure.input(updateQuoteDefaultsInput).mutation(({ ctx, input }) => updateQuoteDefaults(ctx.dealerId, ctx.actor.orgRole === "OWNER", input)),
});
