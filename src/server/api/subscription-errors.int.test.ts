// Issue 13 item 24: a live subscription that its access check refuses reports the same code as the
// query would (NOT_FOUND), not INTERNAL_SERVER_ERROR carrying NOT_FOUND.
import { beforeAll, describe, expect, it } from "vitest";
import { makeCustomer, makeDealer } from "../../../test/factories";
import { makeLead, makeRequest } from "../../../test/marketplace-factories";
import { trpcHttp } from "../../../test/trpc-http";

let owner: { id: string };
let stranger: { id: string };
let otherDealer: { ownerId: string };
let requestId: string;
let leadId: string;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([makeCustomer(), makeCustomer()]);
  const dealer = await makeDealer();
  otherDealer = await makeDealer();
  requestId = (await makeRequest(owner.id)).id;
  leadId = (await makeLead(requestId, dealer.id)).id;
});

type ErrorEvent = { json: { message: string; data: { code: string; httpStatus: number } } };

describe("subscription errors are mapped like query errors", () => {
  it("another customer's request: the query and the live stream both say NOT_FOUND / 404", async () => {
    const api = trpcHttp(stranger.id);
    const query = await api.query("inbox.get", JSON.stringify({ requestId }));
    expect(query.body?.error?.json.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });

    const live = await api.firstEvent("inbox.live", JSON.stringify({ requestId }));
    expect(live.event).toBe("serialized-error");
    expect((live.data as ErrorEvent).json.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
    expect((live.data as ErrorEvent).json.message).toBe(query.body?.error?.json.message);
  });

  it("another dealer's lead and another customer's request stream", async () => {
    const lead = await trpcHttp(otherDealer.ownerId).firstEvent("threads.dealerLive", JSON.stringify({ leadId }));
    expect((lead.data as ErrorEvent).json.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
    const request = await trpcHttp(stranger.id).firstEvent("requests.live", JSON.stringify({ requestId }));
    expect((request.data as ErrorEvent).json.data.code).toBe("NOT_FOUND");
  });
});
