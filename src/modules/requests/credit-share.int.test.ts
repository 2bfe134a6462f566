import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { sealInt } from "~/server/crypto";
import { creditShareText } from "~/modules/consent/texts";
import { preApproveQuote } from "~/modules/lending/pre-approve-quote";
import { NO_BAND_ON_FILE } from "./create-request";
import { callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { makeQuote } from "../../../test/marketplace-factories";
import { makePolicyLender, wideTier } from "../../../test/lending-factories";
import { baseRequest, failure } from "../../../test/marketplace";

const incomeOnly = (tier: "PRIME" | null) =>
  makeCustomer({ creditTier: tier, creditSource: tier ? "SELF_REPORTED" : null, annualIncomeEnc: sealInt(9_000_000), housingCostEnc: sealInt(150_000) });

async function quoteOn(requestId: string) {
  const dealer = await makeDealer();
  return makeQuote(requestId, dealer.id);
}

describe("sharing a credit profile on a request", () => {
  it("is refused without a credit band on file: nothing is posted and no lender is asked", async () => {
    const buyer = await incomeOnly(null);
    const lender = await makePolicyLender([wideTier()]);
    const refused = await failure((await callerAs(buyer.id)).requests.create({ ...baseRequest, shareCredit: true }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: NO_BAND_ON_FILE, fields: { shareCredit: NO_BAND_ON_FILE } });
    expect(await db.request.count({ where: { customerId: buyer.id } })).toBe(0);
    expect(await db.consentGrant.count({ where: { customerId: buyer.id } })).toBe(0);
    expect(await db.preApproval.count({ where: { lenderId: lender.id } })).toBe(0);
  });

  it("with a self-reported band and no score, lenders decide on the band: no 'no credit score' declines, no notices", async () => {
    const buyer = await incomeOnly("PRIME");
    const lenders = await Promise.all([1, 2, 3].map(() => makePolicyLender([wideTier()])));
    const { id } = await (await callerAs(buyer.id)).requests.create({ ...baseRequest, shareCredit: true, shareWithLenderIds: lenders.map((l) => l.id) });
    const quote = await quoteOn(id);
    await preApproveQuote(quote.id);
    const rows = await db.preApproval.findMany({ where: { quoteId: quote.id }, select: { status: true, reasons: true } });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.status === "APPROVED")).toBe(true);
    expect(await db.adverseActionNotice.count({ where: { customerId: buyer.id } })).toBe(0);
  });

  it("a band removed after posting: no lender is asked, so nobody declines for a missing input", async () => {
    const buyer = await incomeOnly("PRIME");
    await makePolicyLender([wideTier()]);
    const { id } = await (await callerAs(buyer.id)).requests.create({ ...baseRequest, shareCredit: true });
    await db.customerProfile.update({ where: { userId: buyer.id }, data: { creditTier: null, creditSource: null } });
    const quote = await quoteOn(id);
    expect(await preApproveQuote(quote.id)).toEqual({ requested: 0 });
    expect(await db.preApproval.count({ where: { quoteId: quote.id } })).toBe(0);
    expect(await db.adverseActionNotice.count({ where: { customerId: buyer.id } })).toBe(0);
  });

  it("lets the buyer choose some lenders: the grant and the stored words name exactly those, and only they are asked", async () => {
    const buyer = await incomeOnly("PRIME");
    const [chosen, other] = [await makePolicyLender([wideTier()]), await makePolicyLender([wideTier({ aprNewBps: 100 })])];
    const { id } = await (await callerAs(buyer.id)).requests.create({ ...baseRequest, shareCredit: true, shareWithLenderIds: [chosen.id] });
    const grant = await db.consentGrant.findFirstOrThrow({ where: { requestId: id }, select: { granteeType: true, lenderIds: true, consent: { select: { textShown: true } } } });
    const name = (await db.lender.findUniqueOrThrow({ where: { id: chosen.id }, select: { name: true } })).name;
    expect(grant).toEqual({ granteeType: "LENDERS", lenderIds: [chosen.id], consent: { textShown: creditShareText([name]) } });
    expect(grant.consent!.textShown).toContain(`only these lenders: ${name}`);

    const quote = await quoteOn(id);
    await preApproveQuote(quote.id);
    const asked = await db.preApproval.findMany({ where: { quoteId: quote.id }, select: { lenderId: true } });
    expect(asked.map((a) => a.lenderId)).toEqual([chosen.id]);
    expect(asked.map((a) => a.lenderId)).not.toContain(other.id);
  });

  it("refuses a lender that does not exist or is not verified, and posts nothing", async () => {
    const buyer = await incomeOnly("PRIME");
    const unverified = await makePolicyLender([wideTier()], { verified: false });
    const caller = await callerAs(buyer.id);
    for (const ids of [["nope"], [unverified.id]]) {
      const r = await failure(caller.requests.create({ ...baseRequest, shareCredit: true, shareWithLenderIds: ids }));
      expect(r).toMatchObject({ code: "BAD_REQUEST", fields: { shareWithLenderIds: "One of the lenders you picked is no longer available. Pick again." } });
    }
    expect((await failure(caller.requests.create({ ...baseRequest, shareCredit: true, shareWithLenderIds: [] }))).fields).toEqual({ shareWithLenderIds: "Pick at least one lender, or choose all lenders." });
    expect(await db.request.count({ where: { customerId: buyer.id } })).toBe(0);
  });
});
