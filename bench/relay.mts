// The inbound mail relay (issue 11 part 2): dealers' replies per second through real SMTP into threads,
// and end-to-end latency, send → row in the thread. The listener answers 250 only after the transaction
// that writes the message has committed, so the time to the 250 is the time until the row is readable.
import { randomBytes } from "node:crypto";
import { createMigratedDatabase, dropDatabase } from "../test/database";

const database = await createMigratedDatabase("keyturn_bench_relay");
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.ENCRYPTION_KEYS ??= `b1:${randomBytes(32).toString("base64")}`;
Object.assign(process.env, { NODE_ENV: "test", MAIL_TRANSPORT: "log" });

const nodemailer = (await import("nodemailer")).default;
const { db } = await import("~/server/db");
const { createRelayServer } = await import("~/server/relay/smtp");
const { ensureRelayToken, relayAddress } = await import("~/modules/crm/relay-address");
const { RELAY_LIMITS } = await import("~/modules/relay/check-relay-recipient");
const { makeCustomer, makeDealer } = await import("../test/factories");
const { makeLead, makeRequest } = await import("../test/marketplace-factories");

// Each lead gets fewer messages than its per-lead limit, so the figures are the relay's, not the throttle's.
const LEADS = 60;
const PER_LEAD = Math.min(5, RELAY_LIMITS.perToken.count);
const CONCURRENCY = 4;

const buyer = await makeCustomer();
const request = await makeRequest(buyer.id);
const targets: { crm: string; address: string; leadId: string }[] = [];
for (let i = 0; i < LEADS; i++) {
  const dealer = await makeDealer();
  const crm = `crm-${i}@dealer${i}.example`;
  await db.dealerCrmAddress.create({ data: { dealerId: dealer.id, email: crm } });
  const lead = await makeLead(request.id, dealer.id);
  targets.push({ crm, address: relayAddress(await ensureRelayToken(db, lead.id)), leadId: lead.id });
}

// Only the first server-side failure is printed: a refused send is counted below either way.
let logged = false;
const relay = createRelayServer({
  log: (line) => {
    if (line.startsWith("DATA failed") && !logged) {
      logged = true;
      console.error(line.slice(0, 600));
    }
  },
});
const port = await relay.listen(0, "127.0.0.1");
const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, pool: true, maxConnections: CONCURRENCY, maxMessages: Infinity } as Parameters<typeof nodemailer.createTransport>[0]);

const body = (i: number) => `Yes, still on the lot (${i}). $31,900 out the door.\n\n-- \nMike, Sales\n\nOn Mon, Dec 7, 2026 at 10:02 AM Keyturn wrote:\n> Is it still available?\n> ${"earlier text ".repeat(40)}`;
const jobs = targets.flatMap((t) => Array.from({ length: PER_LEAD }, (_, k) => ({ ...t, k })));
const latencies: number[] = [];
let failures = 0;
const t0 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length) {
      const j = jobs[next++]!;
      const s = performance.now();
      try {
        await transport.sendMail({ envelope: { from: j.crm, to: j.address }, from: j.crm, to: j.address, subject: "Re: your lead", text: body(j.k) });
        latencies.push(performance.now() - s);
      } catch (e) {
        if (failures++ === 0) console.error(`first refusal: ${String(e)}`);
      }
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
transport.close();
await relay.close();

const rows = await db.message.count({ where: { thread: { lead: { requestId: request.id } } } });
const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
console.log(`relay: ${jobs.length} replies over SMTP (${CONCURRENCY} connections, ${LEADS} leads), ${rows} rows in threads, ${failures} refused`);
console.log(`relay throughput: ${(rows / seconds).toFixed(0)} messages/s into threads`);
console.log(`relay latency, send → row in thread (250 after commit): p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms`);

await db.$disconnect();
await dropDatabase(database.name);
