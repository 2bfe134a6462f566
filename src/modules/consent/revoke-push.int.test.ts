import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { subscribe, topics, type LiveEvent } from "~/server/realtime";
import { CONTACT_REVOKED } from "~/modules/consent/revoke-grant";
import { callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { makeQuote, makeRequest } from "../../../test/marketplace-factories";

describe("revoking a dealer's access", () => {
  it("is pushed on the dealer's live topic for the lead, the dealer is told why, and the contact read stops", async () => {
    const customer = await makeCustomer();
    const request = await makeRequest(customer.id);
    const dealer = await makeDealer();
    const quote = await makeQuote(request.id, dealer.id);
    const me = await callerAs(customer.id);
    const shop = await callerAs(dealer.ownerId);
    await me.inbox.accept({ quoteId: quote.id, version: 1 });
    expect(await shop.inbox.buyerContact({ leadId: quote.leadId })).toMatchObject({ state: "shared", contact: { phone: "555-0100" } });
    const grant = await db.consentGrant.findFirstOrThrow({ where: { requestId: request.id, granteeType: "DEALER" }, select: { id: true } });

    const heard: LiveEvent[] = [];
    const off = await subscribe(topics.dealer(dealer.id), (e) => heard.push(e));
    try {
      await me.consent.revoke({ grantId: grant.id });
      await expect.poll(() => heard.filter((e) => e.type === "consent.revoked").map((e) => e.id)).toEqual([quote.leadId]);
    } finally {
      off();
    }
    // After a reload the page still says why the details are gone, and shows none of them.
    const after = await shop.inbox.buyerContact({ leadId: quote.leadId });
    expect(after).toEqual({ state: "revoked", revokedAt: expect.any(Date) });
    expect(JSON.stringify(after)).not.toContain("555-0100");
    const note = await db.notification.findFirstOrThrow({ where: { userId: dealer.ownerId, kind: "consent.revoked" }, select: { body: true, link: true } });
    expect(note).toEqual({ body: CONTACT_REVOKED, link: `/dealer/leads/${quote.leadId}` });
  });
});
