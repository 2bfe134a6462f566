import { describe, expect, it } from "vitest";
import { actorOf, makeCustomer, makeDealer } from "../../../test/factories";
import { makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { acceptQuote } from "~/modules/deals/accept-quote";
import { getDealForCustomer } from "~/modules/deals/get-deal";

describe("getDealForCustomer", () => {
  it("gives the buyer the chosen dealer's street address and phone, and nothing for another buyer", async () => {
    const customer = await makeCustomer();
    const request = await makeRequest(customer.id);
    const chosen = await makeDealer({ street: "4400 E Camelback Rd", phone: "602-555-0123" });
    const other = await makeDealer({ street: "1 Elsewhere St", phone: "602-555-0999" });
    const q = await makeQuote(request.id, chosen.id);
    await makeQuote(request.id, other.id);
    const actor = await actorOf(customer.id);
    await acceptQuote({ actor, quoteId: q.id, version: 1 });

    const deal = await getDealForCustomer({ actor, requestId: request.id });
    expect(deal?.dealer).toEqual({ name: chosen.name, street: "4400 E Camelback Rd", city: "Phoenix", state: "AZ", zip: "85004", phone: "602-555-0123" });

    const stranger = await actorOf((await makeCustomer()).id);
    expect(await getDealForCustomer({ actor: stranger, requestId: request.id })).toBeNull();
  });
});
