import { z } from "zod";
import { getDealerSpeed } from "~/modules/speed/get-dealer-speed";
import { dealerProcedure, router } from "~/server/api/trpc";
import { liveStream, topics } from "~/server/realtime";
import { getCoverage, updateCoverage } from "~/modules/dealers/coverage";
import { listLeads, openLead, passLead } from "~/modules/dealers/leads";
import { autoQuoteSettingsInput, coverageInput, leadIdInput, listLeadsInput, passLeadInput } from "~/modules/dealers/schemas";
import { getAutoQuoteSettings, updateAutoQuoteSettings } from "~/modules/dealers/auto-quote-settings";
import { reviseQuote } from "~/modules/quotes/revise-quote";
import { reviseQuoteInput, submitQuoteInput, withdrawQuoteInput } from "~/modules/quotes/schemas";
import { submitQuote } from "~/modules/quotes/submit-quote";
import { withdrawQuote } from "~/modules/quotes/withdraw-quote";
import { sendQuoteFromUnit, sendQuoteFromUnitInput } from "~/modules/quotes/send-quote-from-unit";
import { suggestUnitsForLead } from "~/modules/inventory/suggest-for-lead";

// Everything a dealer does with leads. Outputs use the explicit dealer selects in modules/dealers/selects.ts.
export const dealerRouter = router({
  leads: dealerProcedure.input(listLeadsInput).query(({ ctx, input }) => listLeads(ctx.dealerId, input)),
  lead: dealerProcedure.input(leadIdInput).query(({ ctx, input }) => openLead(ctx.dealerId, input.leadId)),
  pass: dealerProcedure.input(passLeadInput).mutation(({ ctx, input }) => passLead(ctx.dealerId, input.leadId, input.reason)),
  submitQuote: dealerProcedure.input(submitQuoteInput).mutation(({ ctx, input }) => submitQuote(ctx.dealerId, input)),
  reviseQuote: dealerProcedure.input(reviseQuoteInput).mutation(({ ctx, input }) => reviseQuote(ctx.dealerId, input)),
  withdrawQuote: dealerProcedure.input(withdrawQuoteInput).mutation(({ ctx, input }) => withdrawQuote(ctx.dealerId, input)),
  // The lead page's stock suggestions, and the one-click quote from one of them.
  suggestUnits: dealerProcedure.input(leadIdInput).query(({ ctx, input }) => suggestUnitsForLead(ctx.dealerId, input.leadId)),
  sendQuoteFromUnit: dealerProcedure.input(sendQuoteFromUnitInput).mutation(({ ctx, input }) => sendQuoteFromUnit(ctx.dealerId, input)),
  coverage: dealerProcedure.input(z.void()).query(({ ctx }) => getCoverage(ctx.dealerId)),
  speed: dealerProcedure.input(z.void()).query(({ ctx }) => getDealerSpeed(ctx.dealerId)),
  updateCoverage: dealerProcedure.input(coverageInput).mutation(({ ctx, input }) => updateCoverage(ctx.dealerId, ctx.actor.orgRole === "OWNER", input)),
  autoQuote: dealerProcedure.input(z.void()).query(({ ctx }) => getAutoQuoteSettings(ctx.dealerId)),
  updateAutoQuote: dealerProcedure.input(autoQuoteSettingsInput).mutation(({ ctx, input }) => updateAutoQuoteSettings(ctx.dealerId, ctx.actor.orgRole === "OWNER", input)),
  // Only this dealer's own topic: new, updated and closed leads.
  live: dealerProcedure.input(z.void()).subscription(async function* ({ ctx, signal }) {
    for await (const e of liveStream(topics.dealer(ctx.dealerId), signal)) yield e;
  }),
});
