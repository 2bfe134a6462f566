// ADF/XML delivery end to end on a real PostgreSQL: the real fan-out and accept, the real job runner, a
// real HTTP receiver on 127.0.0.1 (WEBHOOK_ALLOW_LOCALHOST is on in tests) and a recording Mailer behind
// the Mailer interface. Every document the tests see is validated against the ADF DTD with xmllint.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { runDueJobs } from "~/server/jobs/worker";
import { setMailerForTests, type Mailer, type OutgoingMail } from "~/modules/notifications/mailer";
import { verifyKeyturnSignature } from "~/modules/webhooks/signature";
import { acceptQuote } from "~/modules/deals/accept-quote";
import { listAccessLog } from "~/modules/consent/list-access-log";
import { planLeadDeliveries, planResend } from "./plan-deliveries";
import { deliverCrm, DELIVERY_ID_HEADER, NO_GRANT } from "./deliver-crm";
import { CRM_DELIVER_QUEUE, CRM_PLAN_LEADS_QUEUE, CRM_PLAN_RESEND_QUEUE } from "./queues";
import { sweepStrandedCrmDeliveries } from "./sweep-crm-deliveries";
import { actorOf, callerAs, makeCustomer, makeDealer } from "../../../test/factories";
import { dealerNorthOf, failure, postRequest } from "../../../test/marketplace";
import { makeQuote, makeRequest } from "../../../test/marketplace-factories";
import { adfElements, expectValidAdf } from "../../../test/adf-validate";

class RecordingMailer implements Mailer {
  readonly kind = "smtp" as const;
  sent: OutgoingMail[] = [];
  fail: ((m: OutgoingMail) => Error | null) | null = null;
  async send(mail: OutgoingMail) {
    const err = this.fail?.(mail);
    if (err) throw err;
    this.sent.push(mail);
  }
  to(address: string) {
    return this.sent.filter((m) => m.to === address);
  }
}

type Hit = { path: string; body: string; contentType: string; signature: string; deliveryId: string; status: number };
const hits: Hit[] = [];
let respond: (path: string, nth: number) => number = () => 200;
let server: http.Server;
let base: string;
const mail = new RecordingMailer();

beforeAll(async () => {
  setMailerForTests(mail);
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      const status = respond(path, hits.filter((h) => h.path === path).length + 1);
      hits.push({
        path,
        body: Buffer.concat(chunks).toString(),
        contentType: String(req.headers["content-type"]),
        signature: String(req.headers["keyturn-signature"]),
        deliveryId: String(req.headers[DELIVERY_ID_HEADER.toLowerCase()]),
        status,
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  mail.fail = null;
  respond = () => 200;
});
afterAll(async () => {
  setMailerForTests(null);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const CRM_QUEUES = [CRM_PLAN_LEADS_QUEUE, CRM_PLAN_RESEND_QUEUE, CRM_DELIVER_QUEUE];

/** Runs the CRM jobs, making every scheduled retry due now (the backoff is real; the clock is not waited on). */
async function runCrmJobs(rounds = 12) {
  for (let i = 0; i < rounds; i++) {
    await db.$executeRaw`UPDATE "CrmDelivery" SET "nextAttemptAt" = now() WHERE "status" = 'QUEUED'`;
    await db.$executeRaw`UPDATE "Job" SET "runAt" = now() WHERE "queue" = ANY(${CRM_QUEUES}::text[]) AND "status" = 'PENDING'`;
    if ((await runDueJobs(50, CRM_QUEUES)) === 0) return;
  }
}

/** A dealer owner who has set a CRM address and (optionally) an endpoint through the tRPC procedures. */
async function dealerWithCrm(opts: { path?: string; email?: boolean } = {}, over: Parameters<typeof dealerNorthOf>[1] = {}) {
  const dealer = await dealerNorthOf(3, over);
  const caller = await callerAs(dealer.ownerId);
  const address = `crm-${dealer.id.slice(-6)}@dealer-crm.example`;
  if (opts.email !== false) await caller.crm.addAddress({ email: address.toUpperCase() });
  const saved = opts.path ? await caller.crm.saveEndpoint({ url: `${base}${opts.path}` }) : null;
  return { dealer, caller, address, secret: saved?.secret ?? null };
}

const NASTY = `<b>&amp; ]]> "quoted" 'single'`;

describe("ADF/XML lead delivery", () => {
  it("delivers each new lead once by email and by signed HTTP, valid ADF with no personal data, buyer text escaped", async () => {
    const a = await dealerWithCrm({ path: "/crm-a" });
    const plain = await dealerNorthOf(4); // no CRM: gets a lead, and no delivery
    const buyer = await makeCustomer({ firstName: "Zelda", lastName: "Quixote-Unique", phone: "555-867-5309", street: "742 Evergreen Terrace" });
    const requestId = await postRequest(buyer.id, { model: NASTY, features: [NASTY, "AWD"], tradeInYear: 2014, tradeInMake: "Honda", tradeInModel: `Civic & "Si" ]]>`, tradeInMileage: 90_000 });
    expect(await db.lead.count({ where: { requestId, dealerId: { in: [a.dealer.id, plain.id] } } })).toBe(2);

    await runCrmJobs();
    const emails = mail.to(a.address);
    const posts = hits.filter((h) => h.path === "/crm-a");
    expect([emails.length, posts.length]).toEqual([1, 1]);
    const [email] = emails;
    const [post] = posts;
    expectValidAdf(email!.text, post!.body);
    expect(email!.text).toBe(post!.body);

    // No personal data: only the alias and the relay address stand for the buyer.
    for (const secret of [buyer.email, "Zelda", "Quixote-Unique", "555-867-5309", "867-5309", "Evergreen"]) expect(email!.text).not.toContain(secret);
    const lead = await db.lead.findFirstOrThrow({ where: { requestId, dealerId: a.dealer.id }, select: { id: true, buyerAlias: true, relay: { select: { token: true } } } });
    expect(lead.relay!.token).toMatch(/^[0-9a-f]{32}$/);
    const contactNames = adfElements(email!.text, "name").filter((n) => n.path === "contact").map((n) => n.text);
    expect(contactNames[0]).toBe(lead.buyerAlias);
    expect(adfElements(email!.text, "email").map((e) => e.text)).toEqual([`lead-${lead.relay!.token}@relay.keyturn.localhost`, a.address]);
    expect(adfElements(email!.text, "prospect")[0]!.attrs.status).toBe("new");

    // Buyer text comes back exactly as typed, inside its own element.
    expect(adfElements(email!.text, "model").map((m) => m.text)).toEqual([NASTY]);
    const customerComments = adfElements(email!.text, "comments").find((c) => c.path === "customer")!.text;
    expect(customerComments).toContain(`Must-haves: ${NASTY}, AWD.`);
    expect(customerComments).toContain(`Trade-in: 2014 Honda Civic & "Si" ]]>, 90,000 miles.`);
    expect(email!.text).not.toContain("]]>");

    // Email: the XML is the whole body, sent through the outbox. HTTP: application/xml, signed, with the delivery id.
    const outbox = await db.outboundEmail.findMany({ where: { to: a.address }, select: { text: true, sentAt: true } });
    expect(outbox).toEqual([{ text: email!.text, sentAt: expect.any(Date) }]);
    expect(post!.contentType).toBe("application/xml; charset=utf-8");
    expect(verifyKeyturnSignature(post!.signature, post!.body, [a.secret!])).toBe(true);
    const deliveries = await db.crmDelivery.findMany({ where: { leadId: lead.id }, select: { id: true, channel: true, status: true, kind: true } });
    expect(deliveries.map((d) => [d.channel, d.kind, d.status]).sort()).toEqual([["EMAIL", "FIRST", "SENT"], ["HTTP", "FIRST", "SENT"]]);
    expect(post!.deliveryId).toBe(deliveries.find((d) => d.channel === "HTTP")!.id);
    expect(await db.crmDelivery.count({ where: { dealerId: plain.id } })).toBe(0);

    // Planning again (a job run twice) sends nothing more.
    expect(await planLeadDeliveries(requestId)).toBe(0);
    await runCrmJobs();
    expect([mail.to(a.address).length, hits.filter((h) => h.path === "/crm-a").length]).toEqual([1, 1]);
  });

  it("a CRM endpoint that fails three times receives the lead once, every attempt under one delivery id", async () => {
    const a = await dealerWithCrm({ path: "/flaky", email: false });
    respond = (path, nth) => (path === "/flaky" && nth <= 3 ? 503 : 200);
    const buyer = await makeCustomer();
    await postRequest(buyer.id);
    await runCrmJobs();

    const got = hits.filter((h) => h.path === "/flaky");
    expect(got.map((h) => h.status)).toEqual([503, 503, 503, 200]);
    expect(new Set(got.map((h) => h.deliveryId)).size).toBe(1);
    expect(new Set(got.map((h) => h.body)).size).toBe(1);
    expectValidAdf(got[3]!.body);
    const d = await db.crmDelivery.findFirstOrThrow({ where: { dealerId: a.dealer.id }, select: { id: true, status: true, attempts: true, lastError: true } });
    expect(d).toMatchObject({ id: got[0]!.deliveryId, status: "SENT", attempts: 4, lastError: null });

    // A stray rerun of the delivery job finds nothing to send.
    await deliverCrm(d.id);
    await runCrmJobs();
    expect(hits.filter((h) => h.path === "/flaky")).toHaveLength(4);
  });

  it("after acceptance only the accepted dealer's CRM gets the resend with the granted contact, read through the buyer's grant and logged", async () => {
    const winner = await dealerWithCrm({ path: "/winner" });
    const loser = await dealerWithCrm({ path: "/loser" });
    const buyer = await makeCustomer({ firstName: "Ava", lastName: "Resend-Lastname", phone: "555-0142" });
    const request = await makeRequest(buyer.id, { zip: "57701", makes: ["Toyota"] });
    const qWin = await makeQuote(request.id, winner.dealer.id);
    const qLose = await makeQuote(request.id, loser.dealer.id);
    await planLeadDeliveries(request.id);
    await runCrmJobs();
    const before = { mails: mail.sent.length, hits: hits.length };

    await acceptQuote({ actor: await actorOf(buyer.id), quoteId: qWin.id, version: 1 });
    await runCrmJobs();

    const newMails = mail.sent.slice(before.mails);
    const newHits = hits.slice(before.hits);
    expect(newMails.map((m) => m.to)).toEqual([winner.address]);
    expect(newHits.map((h) => h.path)).toEqual(["/winner"]);
    const xml = newMails[0]!.text;
    expectValidAdf(xml, newHits[0]!.body);
    expect(adfElements(xml, "prospect")[0]!.attrs.status).toBe("resend");
    expect(adfElements(xml, "name").filter((n) => n.path === "contact").slice(0, 2).map((n) => n.text)).toEqual(["Ava", "Resend-Lastname"]);
    expect(adfElements(xml, "email")[0]!.text).toBe(buyer.email);
    expect(adfElements(xml, "phone")[0]!.text).toBe("555-0142");
    expect(newHits[0]!.body).toContain(buyer.email);
    expect(await db.crmDelivery.count({ where: { dealerId: loser.dealer.id, kind: "RESEND" } })).toBe(0);

    // One logged read per document built (email and HTTP), by the winning dealer, for this request.
    const logs = await db.accessLog.findMany({ where: { customerId: buyer.id }, select: { actorType: true, actorId: true, fields: true, channel: true, requestId: true } });
    expect(logs).toEqual([0, 1].map(() => ({ actorType: "DEALER", actorId: winner.dealer.id, fields: ["CONTACT"], channel: "job", requestId: request.id })));
    const seen = await listAccessLog(buyer.id, {});
    expect(JSON.stringify(seen)).toContain("CRM");

    // A forged resend job for the losing dealer's lead plans nothing.
    expect(await planResend(qLose.leadId)).toBe(0);
  });

  it("a revoked grant stops a resend that has not gone out yet, and nothing is read", async () => {
    const winner = await dealerWithCrm();
    const buyer = await makeCustomer();
    const request = await makeRequest(buyer.id, { zip: "57701" });
    const q = await makeQuote(request.id, winner.dealer.id);
    await acceptQuote({ actor: await actorOf(buyer.id), quoteId: q.id, version: 1 });
    await db.consentGrant.updateMany({ where: { customerId: buyer.id }, data: { revokedAt: new Date() } });
    await runCrmJobs();
    const d = await db.crmDelivery.findFirstOrThrow({ where: { dealerId: winner.dealer.id, kind: "RESEND" }, select: { status: true, lastError: true } });
    expect(d).toEqual({ status: "FAILED", lastError: NO_GRANT });
    expect(mail.to(winner.address)).toHaveLength(0);
    expect(await db.accessLog.count({ where: { customerId: buyer.id, refused: false } })).toBe(0);
  });

  it("a queued delivery whose job is gone gets a job again from the sweep, once", async () => {
    const a = await dealerWithCrm();
    const request = await makeRequest((await makeCustomer()).id, { zip: "57701" });
    await makeQuote(request.id, a.dealer.id);
    await planLeadDeliveries(request.id);
    const d = await db.crmDelivery.findFirstOrThrow({ where: { dealerId: a.dealer.id }, select: { id: true } });
    await db.job.deleteMany({ where: { queue: CRM_DELIVER_QUEUE, payload: { equals: { deliveryId: d.id } } } });
    await db.$executeRaw`UPDATE "CrmDelivery" SET "nextAttemptAt" = now() - interval '5 minutes' WHERE "id" = ${d.id}`;
    expect(await sweepStrandedCrmDeliveries()).toBeGreaterThanOrEqual(1);
    expect(await db.job.count({ where: { queue: CRM_DELIVER_QUEUE, status: "PENDING", payload: { equals: { deliveryId: d.id } } } })).toBe(1);
    await sweepStrandedCrmDeliveries();
    expect(await db.job.count({ where: { queue: CRM_DELIVER_QUEUE, status: "PENDING", payload: { equals: { deliveryId: d.id } } } })).toBe(1);
    await runCrmJobs();
    expect((await db.crmDelivery.findUniqueOrThrow({ where: { id: d.id }, select: { status: true } })).status).toBe("SENT");
    expectValidAdf(...mail.to(a.address).map((m) => m.text));
  });

  it("checks the endpoint again at send time: a host that now resolves to a private address is refused and nothing is posted", async () => {
    const a = await dealerWithCrm({ path: "/rebind", email: false });
    const request = await makeRequest((await makeCustomer()).id, { zip: "57701" });
    await makeQuote(request.id, a.dealer.id);
    await planLeadDeliveries(request.id);
    const d = await db.crmDelivery.findFirstOrThrow({ where: { dealerId: a.dealer.id }, select: { id: true } });
    // As if DNS changed after the endpoint was saved.
    await db.crmDelivery.update({ where: { id: d.id }, data: { target: "https://crm.rebind.example/adf" } });
    const r = await deliverCrm(d.id, { resolver: async () => ["10.0.0.5"] });
    expect(r).toEqual({ sent: false, error: expect.stringMatching(/^Refused: .*private or reserved address \(10\.0\.0\.5\)/) });
    expect(await db.crmDelivery.findUniqueOrThrow({ where: { id: d.id }, select: { status: true, attempts: true } })).toEqual({ status: "QUEUED", attempts: 1 });
    expect(hits.filter((h) => h.path === "/rebind")).toHaveLength(0);
    // Out of the later tests' way: their job runs would retry it against real DNS.
    await db.crmDelivery.update({ where: { id: d.id }, data: { status: "FAILED" } });
  });

  it("a permanent mail refusal is BOUNCED, not retried", async () => {
    const a = await dealerWithCrm();
    mail.fail = (m) => (m.to === a.address ? Object.assign(new Error("550 5.1.1 No such user"), { responseCode: 550 }) : null);
    await postRequest((await makeCustomer()).id);
    await runCrmJobs();
    const d = await db.crmDelivery.findFirstOrThrow({ where: { dealerId: a.dealer.id }, select: { status: true, attempts: true, lastError: true } });
    expect(d).toMatchObject({ status: "BOUNCED", attempts: 1, lastError: expect.stringContaining("Bounced: 550") });
  });

  it("another dealer cannot read or redrive this dealer's deliveries: the same 404 as a missing id", async () => {
    const a = await dealerWithCrm();
    mail.fail = () => new Error("connection refused");
    await postRequest((await makeCustomer()).id);
    await runCrmJobs();
    const d = await db.crmDelivery.findFirstOrThrow({ where: { dealerId: a.dealer.id }, select: { id: true, status: true, attempts: true } });
    expect(d.status).toBe("FAILED");
    mail.fail = null;

    const other = await callerAs((await makeDealer()).ownerId);
    const missing = "cm00000000000000000000000";
    expect(await failure(other.crm.delivery({ id: d.id }))).toEqual(await failure(other.crm.delivery({ id: missing })));
    expect((await failure(other.crm.delivery({ id: d.id }))).code).toBe("NOT_FOUND");
    expect(await failure(other.crm.redrive({ id: d.id }))).toEqual(await failure(other.crm.redrive({ id: missing })));
    expect((await failure(other.crm.redrive({ id: d.id }))).code).toBe("NOT_FOUND");
    expect(await other.crm.deliveries({})).toEqual([]);
    expect((await db.crmDelivery.findUniqueOrThrow({ where: { id: d.id }, select: { status: true } })).status).toBe("FAILED");

    // Its own dealer sees the log and the document, and redrives it.
    const log = await a.caller.crm.deliveries({ status: "FAILED" });
    expect(log.map((x) => x.id)).toEqual([d.id]);
    const one = await a.caller.crm.delivery({ id: d.id });
    expectValidAdf(one.document!);
    await a.caller.crm.redrive({ id: d.id });
    await runCrmJobs();
    expect((await db.crmDelivery.findUniqueOrThrow({ where: { id: d.id }, select: { status: true } })).status).toBe("SENT");
    expectValidAdf(...mail.to(a.address).map((m) => m.text));
  });

  it("bad CRM settings get a clear message and change nothing; staff who are not owners are refused", async () => {
    const a = await dealerWithCrm({ path: "/settings" });
    const before = await a.caller.crm.settings();

    const badEmail = await failure(a.caller.crm.addAddress({ email: "not-an-address" }));
    expect(badEmail).toMatchObject({ code: "BAD_REQUEST", fields: { email: "Enter an email address like leads@yourstore.com." } });
    const dup = await failure(a.caller.crm.addAddress({ email: a.address }));
    expect(dup).toMatchObject({ code: "BAD_REQUEST", fields: { email: "That address is already on the list." } });
    for (const url of ["http://10.0.0.7/crm", "https://169.254.169.254/latest", "https://192.168.1.20/adf"]) {
      const r = await failure(a.caller.crm.saveEndpoint({ url }));
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fields.url).toMatch(/private or reserved address/);
    }
    expect((await failure(a.caller.crm.saveEndpoint({ url: "ftp://example.com/x" }))).code).toBe("BAD_REQUEST");
    expect(await a.caller.crm.settings()).toEqual(before);

    const staff = await db.user.create({
      data: { email: `staff-${a.dealer.id}@test.keyturn`, name: "Staff", passwordHash: "x", role: "DEALER", membership: { create: { dealerId: a.dealer.id, role: "STAFF" } } },
      select: { id: true },
    });
    const staffCaller = await callerAs(staff.id);
    expect((await failure(staffCaller.crm.settings())).code).toBe("FORBIDDEN");
    expect((await failure(staffCaller.crm.addAddress({ email: "x@y.example" }))).code).toBe("FORBIDDEN");
    expect(await a.caller.crm.settings()).toEqual(before);
  });
});
