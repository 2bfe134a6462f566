// ADF/XML lead delivery (issue 11): documents built and validated per second, and what delivery costs per
// lead against a bare outbox insert, measured in the same run on the same database.
import { randomBytes } from "node:crypto";
import { createMigratedDatabase, dropDatabase } from "../test/database";

const database = await createMigratedDatabase("keyturn_bench_adf");
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.ENCRYPTION_KEYS ??= `b1:${randomBytes(32).toString("base64")}`;
Object.assign(process.env, { NODE_ENV: "test", MAIL_TRANSPORT: "log" });

const { db } = await import("~/server/db");
const { enqueue } = await import("~/server/jobs/queue");
const { buildAdf } = await import("~/modules/crm/adf");
const { planLeadDeliveries } = await import("~/modules/crm/plan-deliveries");
const { deliverCrm } = await import("~/modules/crm/deliver-crm");
const { CRM_PLAN_LEADS_QUEUE } = await import("~/modules/crm/queues");
const { adfErrors } = await import("../test/adf-validate");
const { makeCustomer, makeDealer } = await import("../test/factories");
const { makeLead, makeRequest } = await import("../test/marketplace-factories");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// 1. Build, then validate the same documents with xmllint (one process for the batch, as the tests do).
const DOCS = 2000;
const docs: string[] = [];
const t0 = performance.now();
for (let i = 0; i < DOCS; i++) {
  docs.push(
    buildAdf({
      status: i % 10 === 0 ? "resend" : "new",
      leadId: `lead_${i}`,
      requestedAt: new Date(),
      request: {
        condition: i % 3 === 0 ? "ANY" : "NEW", bodyType: "SUV", makes: ["Toyota", "Honda"], model: `RAV4 <${i}> & "co" ]]>`, yearMin: 2022, yearMax: 2025, maxMileage: 30_000,
        features: ["AWD", "Heated seats", `note ${i} & <b>`], maxPriceCents: 4_000_000, maxMonthlyCents: 65_000, termMonths: 60, downPaymentCents: 300_000,
        wantsFinancing: true, timeline: "WITHIN_MONTH", tradeIn: { year: 2014, make: "Honda", model: "Civic", mileage: 90_000 },
      },
      customer: i % 10 === 0
        ? { kind: "contact", firstName: "Ava", lastName: "O'Neil", email: "ava@example.com", phone: "555-0100", relayEmail: "lead-0123456789abcdef0123456789abcdef@relay.keyturn.localhost" }
        : { kind: "masked", alias: "Buyer 4F2A", relayEmail: "lead-0123456789abcdef0123456789abcdef@relay.keyturn.localhost" },
      vendor: { id: "dealer_1", name: "Desert Toyota", phone: "602-555-0190", email: "leads@desert.example" },
      provider: { name: "Keyturn", url: "http://localhost:3000" },
    }),
  );
}
const buildMs = performance.now() - t0;
const t1 = performance.now();
const invalid = adfErrors(docs).filter((e) => e !== "").length;
const validateMs = performance.now() - t1;
console.log(`ADF build: ${Math.round(DOCS / (buildMs / 1000))} documents/s (${DOCS} documents, ${(docs.reduce((a, d) => a + d.length, 0) / DOCS / 1024).toFixed(1)} KiB each)`);
console.log(`ADF validate (xmllint, DTD, one process per batch): ${Math.round(DOCS / (validateMs / 1000))} documents/s; ${invalid} invalid`);
console.log(`ADF build + validate: ${Math.round(DOCS / ((buildMs + validateMs) / 1000))} documents/s`);

// 2. Cost per lead: planning the deliveries of a request's leads (what the planning job's transaction
// does: find dealers with a CRM target, insert a delivery and its job per target) against a bare outbox
// insert of one email row per lead, and the one enqueue fan-out adds per request. Same database, same run.
const LEADS = 20;
const ROUNDS = 15;
const buyer = await makeCustomer();
const dealers: { id: string }[] = [];
for (let i = 0; i < LEADS; i++) {
  const d = await makeDealer({ zip: "96720" });
  await db.dealerCrmAddress.create({ data: { dealerId: d.id, email: `crm-${i}@bench.example` } });
  dealers.push(d);
}
const plan: number[] = [];
const bare: number[] = [];
const fanOutEnqueue: number[] = [];
const deliver: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const req = await makeRequest(buyer.id, { zip: "96720" });
  for (const d of dealers) await makeLead(req.id, d.id);
  let t = performance.now();
  await db.$transaction((tx) => enqueue(tx, CRM_PLAN_LEADS_QUEUE, { requestId: req.id }));
  fanOutEnqueue.push(performance.now() - t);
  t = performance.now();
  const planned = await planLeadDeliveries(req.id);
  plan.push((performance.now() - t) / planned);
  t = performance.now();
  await db.$transaction((tx) => tx.outboundEmail.createMany({ data: dealers.map((_, i) => ({ to: `crm-${i}@bench.example`, subject: "ADF lead", text: docs[i]! })) }));
  bare.push((performance.now() - t) / LEADS);
  const ids = await db.crmDelivery.findMany({ where: { lead: { requestId: req.id } }, select: { id: true } });
  t = performance.now();
  for (const { id } of ids) await deliverCrm(id);
  deliver.push((performance.now() - t) / ids.length);
}
const p = median(plan);
const b = median(bare);
console.log(`per lead, plan delivery (delivery row + job, in one transaction for ${LEADS} leads): ${p.toFixed(3)} ms (median of ${ROUNDS})`);
console.log(`per lead, bare outbox insert (one OutboundEmail row each, one transaction for ${LEADS}): ${b.toFixed(3)} ms — planning costs ${(p / b).toFixed(1)}× that`);
console.log(`per request, fan-out's added enqueue (one job, in its own transaction here): ${median(fanOutEnqueue).toFixed(3)} ms`);
console.log(`per delivery, one attempt (build the ADF, write the outbox row, send through the log Mailer, record it): ${median(deliver).toFixed(2)} ms`);

await db.$disconnect();
await dropDatabase(database.name);
