import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerAs, makeCustomer } from "../../../test/factories";
import { dealerNorthOf, failure, leadDealerIds, postRequest, quoteInput } from "../../../test/marketplace";
import { makeLead, makeRequest } from "../../../test/marketplace-factories";

// Product decision (issue 13, item 9): only dealers Keyturn has verified get leads and may quote.
describe("verified dealers only", () => {
  it("an unverified dealer that fits every rule gets no lead; once verified, it does", async () => {
    const buyer = await makeCustomer();
    const verified = await dealerNorthOf(3);
    const unverified = await dealerNorthOf(4, { verified: false });
    const first = await postRequest(buyer.id);
    expect(await leadDealerIds(first, [verified.id, unverified.id])).toEqual([verified.id]);

    await db.dealer.update({ where: { id: unverified.id }, data: { verified: true } });
    const second = await postRequest(buyer.id);
    expect(await leadDealerIds(second, [verified.id, unverified.id])).toEqual([verified.id, unverified.id].sort());
  });

  it("a dealer that lost its verification cannot quote on a lead it already has", async () => {
    const buyer = await makeCustomer();
    const dealer = await dealerNorthOf(2, { verified: false });
    const request = await makeRequest(buyer.id, { condition: "NEW" });
    const lead = await makeLead(request.id, dealer.id);
    const refused = await failure((await callerAs(dealer.ownerId)).dealer.submitQuote(quoteInput(lead.id)));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: "Your dealership is not verified yet. You can quote once Keyturn has verified it." });
    expect(await db.quote.count({ where: { leadId: lead.id } })).toBe(0);
  });
});
