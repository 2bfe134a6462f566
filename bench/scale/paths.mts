// One data set's side of the growth bench: a child process with DATABASE_URL set to that set, so the app's
// own use-cases (and their one pool) run against it. The parent sends {path, actor}; this runs it once and
// answers with the milliseconds. With SCALE_EXPLAIN=1, every statement's plan (auto_explain, with
// ANALYZE) is collected instead and sent back for the path asked.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type pg from "pg";

Object.assign(process.env, {
  NODE_ENV: "development", // keeps the pool on globalThis, where the EXPLAIN mode reaches it
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? `b1:${randomBytes(32).toString("base64")}`,
  LIVE_TRANSPORT: "notify",
});

const { db } = await import("~/server/db");
const plans: string[] = [];
if (process.env.SCALE_EXPLAIN === "1") {
  const { pool } = (globalThis as unknown as { ktDb: { pool: pg.Pool } }).ktDb;
  pool.on("connect", (c) => {
    c.on("notice", (n) => {
      if (n.message?.includes("Query Text")) plans.push(n.message);
    });
    void c.query(`LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_analyze = on; SET auto_explain.log_buffers = on; SET client_min_messages = log`);
  });
}
const { listLeads } = await import("~/modules/dealers/leads");
const { dealerUnreadByLead, customerUnreadByLead } = await import("~/modules/messaging/get-thread");
const { getInbox } = await import("~/modules/inbox/get-inbox");
const { listMyRequests } = await import("~/modules/requests/queries");
const { listMyData } = await import("~/modules/consent/list-my-data");
const { listAccessLog } = await import("~/modules/consent/list-access-log");
const { lenderOverview } = await import("~/modules/lending/console");
const { listPreApprovals, listDecisions } = await import("~/modules/lender-api/operations");
const { listNotifications, unreadNotificationCount } = await import("~/modules/notifications/list-notifications");
const { expirePreApprovals } = await import("~/modules/lending/expire-pre-approvals");
const { runDueJobs } = await import("~/server/jobs/worker");
const { pruneLeadDays } = await import("~/modules/matching/lead-days");

const kid = async (p: string, i: number) => (await db.$queryRaw<{ id: string }[]>`SELECT 'c' || left(md5(${p} || ${i}::text), 24) AS id`)[0]!.id;
// The fixed actors generate.sql plants at every size.
const actors = {
  dealer: { busy: await kid("d", 0), typical: await kid("d", 59999) },
  dealerUser: { busy: await kid("du", 0), typical: await kid("du", 59999) },
  buyer: { busy: await kid("b", 0), typical: await kid("b", 1) },
  // Typical: the control lender, with the same 150 pending requests at every size (generate.sql).
  lender: { busy: await kid("l", 0), typical: await kid("l", 19) },
  key: { busy: await kid("k", 0), typical: await kid("k", 19) },
};
type Who = "busy" | "typical";
const actorOf = (userId: string, role: "DEALER" | "CUSTOMER" | "LENDER") => ({ userId, email: "x@scale.test", name: "x", role, dealerId: null, lenderId: null, orgRole: null });
const caller = (who: Who) => ({ kind: "lender" as const, keyId: actors.key[who], lenderId: actors.lender[who], lenderName: "Lender", mode: "LIVE" as const, rateLimit: { limit: 1200, allowed: true, remaining: 1199, retryAfterSeconds: 0 } });
// Cursors and the newest request, found once so that page 2 asks for the same page each time.
const cursors = new Map<string, string | null>();
async function once(key: string, f: () => Promise<string | null>) {
  if (!cursors.has(key)) cursors.set(key, await f());
  return cursors.get(key) ?? undefined;
}
const newestRequest = (who: Who) => once(`rq:${who}`, async () => (await db.request.findFirst({ where: { customerId: actors.buyer[who] }, orderBy: { createdAt: "desc" }, select: { id: true } }))?.id ?? null);

export const paths: Record<string, (who: Who) => Promise<unknown>> = {
  "dealer leads, all, page 1": (w) => listLeads(actors.dealer[w], { status: "ALL" }),
  "dealer leads, all, page 2": async (w) => listLeads(actors.dealer[w], { status: "ALL", cursor: await once(`lp:${w}`, async () => (await listLeads(actors.dealer[w], { status: "ALL" })).nextCursor) }),
  "dealer leads, NEW": (w) => listLeads(actors.dealer[w], { status: "NEW" }),
  "dealer leads, QUOTED": (w) => listLeads(actors.dealer[w], { status: "QUOTED" }),
  "dealer leads, WON": (w) => listLeads(actors.dealer[w], { status: "WON" }),
  "dealer leads, CLOSED": (w) => listLeads(actors.dealer[w], { status: "CLOSED" }),
  "dealer leads, SUV": (w) => listLeads(actors.dealer[w], { status: "ALL", bodyType: "SUV" }),
  // The badges of the board's first page, as the dashboard asks for them.
  "dealer unread by lead": async (w) => dealerUnreadByLead({ dealerId: actors.dealer[w], leadIds: (await once(`ul:${w}`, async () => JSON.stringify((await listLeads(actors.dealer[w], { status: "ALL" })).items.map((l) => l.id))).then((j) => JSON.parse(j!) as string[])) }),
  "buyer request list": (w) => listMyRequests(actors.buyer[w]),
  "buyer inbox (newest request)": async (w) => getInbox({ actor: actorOf(actors.buyer[w], "CUSTOMER"), requestId: (await newestRequest(w))! }),
  "buyer unread by lead": async (w) => customerUnreadByLead({ actor: actorOf(actors.buyer[w], "CUSTOMER"), requestId: (await newestRequest(w))! }),
  "buyer My data": (w) => listMyData(actors.buyer[w]),
  "buyer access log": (w) => listAccessLog(actors.buyer[w], {}),
  "lender overview": (w) => lenderOverview(actors.lender[w]),
  "lender overview, pending": (w) => lenderOverview(actors.lender[w], "PENDING"),
  "lender overview, decided": (w) => lenderOverview(actors.lender[w], "DECIDED"),
  // Pages of 10: the busy lender's queue at S (about 30) fills two, so every size compares full pages.
  "lender API pending, page 1": (w) => listPreApprovals(caller(w), { status: "pending", limit: 10 }),
  "lender API pending, page 2": async (w) =>
    listPreApprovals(caller(w), { status: "pending", limit: 10, cursor: await once(`pp:${w}`, async () => (await listPreApprovals(caller(w), { status: "pending", limit: 10 })).next_cursor) }),
  "lender API decisions": (w) => listDecisions(caller(w), { limit: 50 }),
  "notifications (dealer person)": (w) => listNotifications({ actor: actorOf(actors.dealerUser[w], "DEALER") }),
  "notification unread count (buyer)": (w) => unreadNotificationCount({ actor: actorOf(actors.buyer[w], "CUSTOMER") }),
  // Sweeps and the claim have no actor: "busy" and "typical" are two runs of the same.
  "sweep: expire pre-approvals": () => expirePreApprovals(),
  "sweep: prune lead days": () => pruneLeadDays(),
  "job claim (none due)": () => runDueJobs(20, ["notification.email"]),
};

process.on("message", async (m: { path: string; who: Who }) => {
  try {
    plans.length = 0;
    const t0 = performance.now();
    await paths[m.path]!(m.who);
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 20)); // lets the last notices arrive
    process.send!({ ok: true, ms, plans: process.env.SCALE_EXPLAIN === "1" ? [...plans] : [] });
  } catch (e) {
    process.send!({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
process.send!({ ready: true, paths: Object.keys(paths) });
