import { drainJobs } from "~/server/jobs/worker";
import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { actorOf, makeCustomer, makeDealer, makeLender } from "../../../test/factories";
import { makePreApproval, makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { acceptQuote, QUOTE_CHANGED, WON_REASON } from "~/modules/deals/accept-quote";
import { listLeads } from "~/modules/dealers/leads";

async function market(dealers = 2) {
  const customer = await makeCustomer();
  const request = await makeRequest(customer.id);
  const ds = await Promise.all(Array.from({ length: dealers }, () => makeDealer()));
  const quotes = [];
  for (const d of ds) quotes.push(await makeQuote(request.id, d.id));
  return { customer, actor: await actorOf(customer.id), request, dealers: ds, quotes };
}

const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === "rejected" && r.reason instanceof AppError ? r.reason.code : r.status === "rejected" ? `other: ${String(r.reason)}` : "ok";

describe("acceptQuote", () => {
  it("files the winner's lead under Won and the losers' under Closed", async () => {
    const { actor, dealers, quotes } = await market(2);
    await acceptQuote({ actor, quoteId: quotes[0]!.id, version: 1 });
    const winner = await listLeads(dealers[0]!.id, { status: "WON" });
    expect(winner.items.map((l) => l.status)).toEqual(["WON"]);
    expect(winner.counts.WON).toBe(1);
    expect(winner.counts.CLOSED ?? 0).toBe(0);
    expect((await listLeads(dealers[0]!.id, { status: "CLOSED" })).items).toEqual([]);
    const loser = await listLeads(dealers[1]!.id, { status: "CLOSED" });
    expect(loser.items.map((l) => l.status)).toEqual(["CLOSED"]);
    expect((await listLeads(dealers[1]!.id, { status: "WON" })).items).toEqual([]);
  });

  it("creates the deal, declines the rest, closes leads, grants contact to the winner only and tells the lender", async () => {
    const { actor, request, dealers, quotes } = await market(3);
    const lender = await makeLender({ webhookUrl: "https://lender.example/hooks" });
    const pa = await makePreApproval(quotes[0]!, lender.id);
    const runnerUp = await makeLender({ webhookUrl: "https://runner-up.example/hooks" });
    const other = await makePreApproval(quotes[0]!, runnerUp.id);

    const deal = await acceptQuote({ actor, quoteId: quotes[0]!.id, version: 1, preApprovalId: pa.id });

    expect(deal).toMatchObject({ requestId: request.id, quoteId: quotes[0]!.id, dealerId: dealers[0]!.id, lenderId: lender.id, preApprovalId: pa.id });
    expect((await db.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("ACCEPTED");
    const qs = await db.quote.findMany({ where: { requestId: request.id }, select: { id: true, status: true } });
    expect(qs.find((q) => q.id === quotes[0]!.id)!.status).toBe("ACCEPTED");
    expect(qs.filter((q) => q.id !== quotes[0]!.id).every((q) => q.status === "DECLINED")).toBe(true);

    const cancelJobs = await db.job.findMany({ where: { queue: "lending.cancel-quote" }, select: { payload: true } });
    const cancelled = cancelJobs.map((j) => (j.payload as { quoteId: string }).quoteId);
    expect(cancelled).toEqual(expect.arrayContaining([quotes[1]!.id, quotes[2]!.id, quotes[0]!.id]));
    // On the winning quote only the other lenders' decisions are cancelled; the chosen one stays attached.
    expect(cancelJobs.map((j) => j.payload)).toContainEqual({ quoteId: quotes[0]!.id, keepPreApprovalId: pa.id });
    await drainJobs(["lending.cancel-quote"]);
    expect((await db.preApproval.findUniqueOrThrow({ where: { id: pa.id } })).status).toBe("APPROVED");
    expect((await db.preApproval.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("CANCELLED");
    expect(await db.webhookDelivery.count({ where: { lenderId: runnerUp.id, eventType: "pre_approval.cancelled" } })).toBe(1);

    const leads = await db.lead.findMany({ where: { requestId: request.id }, select: { dealerId: true, status: true, closedReason: true } });
    // The chosen dealer's lead is stored as won (its "Won" list reads that status); the others closed.
    expect(leads.find((l) => l.dealerId === dealers[0]!.id)).toMatchObject({ status: "WON", closedReason: WON_REASON });
    expect(leads.filter((l) => l.dealerId !== dealers[0]!.id).every((l) => l.status === "CLOSED")).toBe(true);

    const grants = await db.consentGrant.findMany({ where: { requestId: request.id, granteeType: "DEALER" } });
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ dealerId: dealers[0]!.id, fields: ["CONTACT"] });

    // Losing dealers hear that the request closed, with no price or winner in the words.
    const loserNote = await db.notification.findFirstOrThrow({ where: { userId: dealers[1]!.ownerId } });
    expect(loserNote.kind).toBe("request.closed");
    expect(`${loserNote.title} ${loserNote.body}`).not.toMatch(/\$|RAV4|Dealer /);

    const deliveries = await db.webhookDelivery.findMany({ where: { lenderId: lender.id, eventType: "deal.accepted" } });
    expect(deliveries).toHaveLength(1);
  });

  it("50 concurrent accepts on one request (each on a different quote) give exactly one deal; the rest get a clear conflict", async () => {
    const { actor, request, quotes } = await market(50);
    const results = await Promise.allSettled(quotes.map((q) => acceptQuote({ actor, quoteId: q.id, version: 1 })));

    expect(await db.deal.count({ where: { requestId: request.id } })).toBe(1);
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === "ok")).toHaveLength(1);
    expect(codes.filter((c) => c === "CONFLICT")).toHaveLength(49);
    for (const r of results) if (r.status === "rejected") expect((r.reason as Error).message).toMatch(/already accepted/i);
    expect(await db.quote.count({ where: { requestId: request.id, status: "ACCEPTED" } })).toBe(1);
    expect(await db.consentGrant.count({ where: { requestId: request.id, granteeType: "DEALER" } })).toBe(1);
  });

  it("is idempotent: double clicks and retries on the same quote return the same deal", async () => {
    const { actor, request, quotes } = await market(2);
    const results = await Promise.all(Array.from({ length: 10 }, () => acceptQuote({ actor, quoteId: quotes[1]!.id, version: 1 })));
    expect(new Set(results.map((d) => d.id)).size).toBe(1);
    const again = await acceptQuote({ actor, quoteId: quotes[1]!.id, version: 1 });
    expect(again.id).toBe(results[0]!.id);
    expect(await db.deal.count({ where: { requestId: request.id } })).toBe(1);
    expect(await db.consentGrant.count({ where: { requestId: request.id, granteeType: "DEALER" } })).toBe(1);
    // A different quote on the same request is now a conflict, not a second deal.
    await expect(acceptQuote({ actor, quoteId: quotes[0]!.id, version: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("answers an accept at any version other than the deal's with 'the quote changed', replay or not", async () => {
    const { actor, request, quotes } = await market(1);
    const q = quotes[0]!;
    await db.quote.update({ where: { id: q.id }, data: { version: 2 } });
    const deal = await acceptQuote({ actor, quoteId: q.id, version: 2 });
    expect(deal.quoteVersion).toBe(2);

    // An older version of the same quote, and a version that never existed, are not replays of the deal.
    await expect(acceptQuote({ actor, quoteId: q.id, version: 1 })).rejects.toMatchObject({ code: "CONFLICT", message: QUOTE_CHANGED });
    await expect(acceptQuote({ actor, quoteId: q.id, version: 7 })).rejects.toMatchObject({ code: "CONFLICT", message: QUOTE_CHANGED });
    // The true replay still answers with the deal.
    expect((await acceptQuote({ actor, quoteId: q.id, version: 2 })).id).toBe(deal.id);

    // Concurrent: accepts naming version 1 racing one naming version 2 never answer with the v2 deal.
    const other = await market(1);
    const oq = other.quotes[0]!;
    await db.quote.update({ where: { id: oq.id }, data: { version: 2 } });
    const results = await Promise.allSettled([
      acceptQuote({ actor: other.actor, quoteId: oq.id, version: 2 }),
      acceptQuote({ actor: other.actor, quoteId: oq.id, version: 1 }),
      acceptQuote({ actor: other.actor, quoteId: oq.id, version: 1 }),
    ]);
    expect(results.map(codeOf)).toEqual(["ok", "CONFLICT", "CONFLICT"]);
    for (const r of results.slice(1)) expect((r as PromiseRejectedResult).reason.message).toBe(QUOTE_CHANGED);
    expect(await db.deal.count({ where: { requestId: { in: [request.id, other.request.id] } } })).toBe(2);
  });

  it("fails with 'the quote changed' when the dealer's revision wins the race, and accepts nothing", async () => {
    const { actor, request, quotes } = await market(1);
    const q = quotes[0]!;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // The dealer's revision holds the quote row while the customer's accept arrives, then commits v2.
    const revision = db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "Quote" SET "version" = 2, "vehiclePriceCents" = "vehiclePriceCents" + 100000 WHERE "id" = ${q.id}`;
      locked();
      await held;
    }, { timeout: 30_000 });
    await isLocked;
    // The refusal is caught at once: it can settle while this test still awaits the revision, and an
    // unobserved rejection at that moment is reported as unhandled.
    const accept = acceptQuote({ actor, quoteId: q.id, version: 1 }).then(() => null, (e: unknown) => e);
    setTimeout(release, 200);
    await revision;
    expect(await accept).toMatchObject({ code: "CONFLICT", message: QUOTE_CHANGED });

    expect(await db.deal.count({ where: { requestId: request.id } })).toBe(0);
    expect((await db.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("OPEN");
    // Reviewing and accepting the new version works.
    const deal = await acceptQuote({ actor, quoteId: q.id, version: 2 });
    expect(deal.quoteVersion).toBe(2);
  });

  it("refuses a pre-approval made for an older quote version, a withdrawn quote and another customer's quote", async () => {
    const { actor, quotes } = await market(2);
    const lender = await makeLender();
    await db.quote.update({ where: { id: quotes[0]!.id }, data: { version: 2 } });
    const stale = await makePreApproval({ ...quotes[0]!, version: 1 }, lender.id);
    await expect(acceptQuote({ actor, quoteId: quotes[0]!.id, version: 2, preApprovalId: stale.id })).rejects.toMatchObject({ code: "CONFLICT", message: QUOTE_CHANGED });

    await db.quote.update({ where: { id: quotes[1]!.id }, data: { status: "WITHDRAWN" } });
    await expect(acceptQuote({ actor, quoteId: quotes[1]!.id, version: 1 })).rejects.toMatchObject({ code: "CONFLICT", message: /withdrew/ });

    const stranger = await actorOf((await makeCustomer()).id);
    await expect(acceptQuote({ actor: stranger, quoteId: quotes[0]!.id, version: 2 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("rolls everything back when a failure is injected mid-accept: no deal, no grant, nothing declined", async () => {
    const { actor, request, quotes, dealers } = await market(2);
    const jobsBefore = await db.job.count({ where: { queue: "lending.cancel-quote" } });
    await expect(
      acceptQuote({ actor, quoteId: quotes[0]!.id, version: 1 }, { afterWrites: async () => { throw new Error("injected crash"); } }),
    ).rejects.toThrow("injected crash");

    expect(await db.deal.count({ where: { requestId: request.id } })).toBe(0);
    expect((await db.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("OPEN");
    expect(await db.quote.count({ where: { requestId: request.id, status: "ACTIVE" } })).toBe(2);
    expect(await db.lead.count({ where: { requestId: request.id, status: { in: ["CLOSED", "WON"] } } })).toBe(0);
    expect(await db.consentGrant.count({ where: { requestId: request.id } })).toBe(0);
    expect(await db.consentRecord.count({ where: { requestId: request.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: { in: dealers.map((d) => d.ownerId) } } })).toBe(0);
    expect(await db.job.count({ where: { queue: "lending.cancel-quote" } })).toBe(jobsBefore);
  });

  it("retries a serialization failure a bounded number of times", async () => {
    const { actor, request, quotes } = await market(1);
    const serializationFailure = () => Object.assign(new Error("could not serialize access"), { code: "P2034" });
    let calls = 0;
    const deal = await acceptQuote({ actor, quoteId: quotes[0]!.id, version: 1 }, { afterWrites: async () => { if (++calls < 3) throw serializationFailure(); } });
    expect(calls).toBe(3);
    expect(deal.requestId).toBe(request.id);
    expect(await db.deal.count({ where: { requestId: request.id } })).toBe(1);

    const other = await market(1);
    let tries = 0;
    await expect(
      acceptQuote({ actor: other.actor, quoteId: other.quotes[0]!.id, version: 1 }, { afterWrites: async () => { tries++; throw serializationFailure(); } }),
    ).rejects.toMatchObject({ code: "P2034" });
    expect(tries).toBe(4);
    expect(await db.deal.count({ where: { requestId: other.request.id } })).toBe(0);
  });
});
