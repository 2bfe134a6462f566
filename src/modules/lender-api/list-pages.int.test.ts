// The lender API's lists are keyset-paged on (sort key, id): rows that share a timestamp are neither
// skipped nor repeated across pages, and each status filter pages the same way.
import { describe, expect, it } from "vitest";
import { listDecisions, listPreApprovals } from "~/modules/lender-api/operations";
import type { ApiCaller } from "~/modules/lender-api/api-keys";
import { makeCustomer, makeDealer, makeLender } from "../../../test/factories";
import { makePreApproval, makeQuote, makeRequest } from "../../../test/marketplace-factories";

async function walk(list: (cursor?: string) => Promise<{ data: { id: string }[]; next_cursor: string | null }>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const p = await list(cursor);
    seen.push(...p.data.map((d) => d.id));
    if (!p.next_cursor) return seen;
    cursor = p.next_cursor;
  }
  throw new Error("the pages never ended");
}

describe("lender API pages", () => {
  it("walks every row once, in order, when many share a timestamp", async () => {
    const lender = await makeLender();
    const other = await makeLender();
    const caller: ApiCaller = { keyId: "k", lenderId: lender.id, lenderName: lender.name, mode: "LIVE" } as ApiCaller;
    const at = new Date(Date.now() - 3_600_000);
    const decidedAt = new Date(Date.now() - 60_000);
    const expiresAt = new Date(Date.now() + 86_400_000);
    const made: { id: string; status: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const request = await makeRequest((await makeCustomer()).id);
      const quote = await makeQuote(request.id, (await makeDealer()).id);
      const pending = i % 2 === 0;
      const pa = await makePreApproval(quote, lender.id, pending ? { status: "PENDING", aprBps: null, termMonths: null, decisionVersion: 0, decidedAt: null, createdAt: at, expiresAt } : { createdAt: at, decidedAt, expiresAt });
      made.push({ id: pa.id, status: pending ? "PENDING" : "APPROVED" });
      // Another lender's row at the same instant never shows.
      await makePreApproval(quote, other.id, { status: "PENDING", decidedAt: null, createdAt: at, expiresAt });
    }
    const byId = (ids: string[]) => [...ids].sort();
    const pendingIds = byId(made.filter((m) => m.status === "PENDING").map((m) => m.id));
    const decidedIds = byId(made.filter((m) => m.status === "APPROVED").map((m) => m.id)).reverse();

    expect(await walk((cursor) => listPreApprovals(caller, { status: "pending", limit: 2, cursor }))).toEqual(pendingIds);
    expect(await walk((cursor) => listPreApprovals(caller, { limit: 3, cursor }))).toEqual(byId(made.map((m) => m.id)));
    expect(await walk((cursor) => listPreApprovals(caller, { status: "approved", limit: 1, cursor }))).toEqual([...decidedIds].reverse());
    expect(await walk((cursor) => listDecisions(caller, { limit: 2, cursor }))).toEqual(decidedIds);
    expect(await walk((cursor) => listPreApprovals(caller, { status: "expired", limit: 2, cursor }))).toEqual([]);
  });

  it("leaves pending rows past their expiry out of the pending pages, however many come in a row, and lists them as expired", async () => {
    const lender = await makeLender();
    const caller: ApiCaller = { keyId: "k", lenderId: lender.id, lenderName: lender.name, mode: "LIVE" } as ApiCaller;
    const live = new Date(Date.now() + 86_400_000);
    const past = new Date(Date.now() - 60_000);
    // Oldest first: one live, five stale (more than a page), two live, one stale, one live.
    const plan = [live, past, past, past, past, past, live, live, past, live];
    const made: { id: string; live: boolean }[] = [];
    for (const [i, expiresAt] of plan.entries()) {
      const quote = await makeQuote((await makeRequest((await makeCustomer()).id)).id, (await makeDealer()).id);
      const pa = await makePreApproval(quote, lender.id, { status: "PENDING", aprBps: null, termMonths: null, decisionVersion: 0, decidedAt: null, createdAt: new Date(Date.now() - 3_600_000 + i * 1000), expiresAt });
      made.push({ id: pa.id, live: expiresAt === live });
    }
    const ids = (live: boolean) => made.filter((m) => m.live === live).map((m) => m.id);
    for (const limit of [1, 2, 3, 10]) {
      expect(await walk((cursor) => listPreApprovals(caller, { status: "pending", limit, cursor }))).toEqual(ids(true));
    }
    const first = await listPreApprovals(caller, { status: "pending", limit: 4 });
    expect(first.has_more).toBe(false);
    expect(first.next_cursor).toBeNull();
    expect(await walk((cursor) => listPreApprovals(caller, { status: "expired", limit: 2, cursor }))).toEqual(ids(false));
  });
});
