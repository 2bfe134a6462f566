import pg from "pg";
import { EventEmitter } from "node:events";
import { env } from "~/env.js";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { execute, type Queryable } from "~/server/queryable";

/**
 * Live events cross app instances through PostgreSQL LISTEN/NOTIFY: every process listens on one channel
 * and dispatches by topic. Payloads are small (ids and a type); clients refetch what they show.
 * A NOTIFY sent inside a transaction is delivered only if and when it commits.
 */
const CHANNEL = "kt_events";
/** For hot paths that fold the NOTIFY into their own SQL statement (notify transport only). */
export const LIVE_CHANNEL = CHANNEL;

export type LiveEvent = { topic: string; type: string; id?: string };

/** The first event of a stream opened with `announce` (see liveStream). */
export const LIVE_SUBSCRIBED = "live.subscribed";

export const topics = {
  dealer: (dealerId: string) => `dealer:${dealerId}`,
  request: (requestId: string) => `request:${requestId}`,
  user: (userId: string) => `user:${userId}`,
  lead: (leadId: string) => `lead:${leadId}`,
  lender: (lenderId: string) => `lender:${lenderId}`,
  jobs: "jobs",
  /** Emitted in this process only, when the LISTEN connection is back after a loss. */
  reconnected: "live:reconnected",
};

export async function publish(event: LiveEvent, q: Queryable = db) {
  await publishMany([event], q);
}

/**
 * Many events in one round trip (a fan-out tells hundreds of dealers at once), on either database
 * client; inside a transaction they are delivered only if it commits.
 */
export async function publishMany(events: LiveEvent[], q: Queryable = db) {
  if (events.length === 0) return;
  if (env.LIVE_TRANSPORT === "poll") {
    await execute(
      q,
      "live.insert-many",
      Prisma.sql`INSERT INTO "LiveEvent" ("topic", "type", "refId") SELECT * FROM unnest(${events.map((e) => e.topic)}::text[], ${events.map((e) => e.type)}::text[], ${events.map((e) => e.id ?? null)}::text[])`,
    );
    return;
  }
  await execute(q, "live.notify-many", Prisma.sql`SELECT pg_notify(${CHANNEL}, p) FROM unnest(${events.map((e) => JSON.stringify(e))}::text[]) AS p`);
}

type Hub = { emitter: EventEmitter; client: pg.Client | null; connecting: Promise<void> | null; failures: number };
const g = globalThis as unknown as { ktHub?: Hub };
const hub: Hub = (g.ktHub ??= { emitter: new EventEmitter().setMaxListeners(0), client: null, connecting: null, failures: 0 });

const RECONNECTED = topics.reconnected;

function connect(): Promise<void> {
  if (env.LIVE_TRANSPORT === "poll") return startPolling();
  if (hub.client) return Promise.resolve();
  hub.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    client.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        const event = JSON.parse(msg.payload) as LiveEvent;
        hub.emitter.emit(event.topic, event);
      } catch {
        /* a malformed payload is not ours */
      }
    });
    // A lost connection ('error', then 'end') reconnects once, with backoff, until it succeeds; the
    // listeners stay, so live views and idle workers resume after a database restart or a cut.
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (err) console.error("[live] connection lost:", err.message);
      if (hub.client === client) hub.client = null;
      scheduleReconnect();
    };
    client.on("error", onLost);
    client.on("end", () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      onLost(err as Error);
      client.end().catch(() => undefined);
      throw err;
    }
    hub.client = client;
    hub.failures = 0;
    // Events sent while disconnected were missed: subscribers that hold state refetch on this.
    hub.emitter.emit(RECONNECTED, { topic: RECONNECTED, type: "reconnected" });
  })().finally(() => {
    hub.connecting = null;
  });
  return hub.connecting;
}

function scheduleReconnect() {
  const delay = Math.min(30_000, 250 * 2 ** Math.min(hub.failures++, 7));
  setTimeout(() => void connect().catch(() => undefined), delay).unref();
}

// Poll mode: re-read a short window every half second and de-duplicate by id, so an event whose
// transaction commits after a later id was seen is still delivered.
let polling: Promise<void> | null = null;
function startPolling(): Promise<void> {
  polling ??= (async () => {
    const seen = new Map<string, number>();
    const tick = async () => {
      try {
        const rows = await db.liveEvent.findMany({
          where: { createdAt: { gt: new Date(Date.now() - 30_000) } },
          select: { id: true, topic: true, type: true, refId: true },
          orderBy: { id: "asc" },
        });
        const now = Date.now();
        for (const r of rows) {
          const key = String(r.id);
          if (seen.has(key)) continue;
          seen.set(key, now);
          hub.emitter.emit(r.topic, { topic: r.topic, type: r.type, id: r.refId ?? undefined });
        }
        for (const [k, t] of seen) if (now - t > 60_000) seen.delete(k);
        if (Math.random() < 0.01) await db.liveEvent.deleteMany({ where: { createdAt: { lt: new Date(now - 10 * 60_000) } } });
      } catch {
        /* the next tick retries */
      }
    };
    // Events from before this process started listening are not replayed.
    const existing = await db.liveEvent.findMany({ where: { createdAt: { gt: new Date(Date.now() - 30_000) } }, select: { id: true } });
    for (const e of existing) seen.set(String(e.id), Date.now());
    setInterval(() => void tick(), 500).unref();
  })();
  return polling;
}

/** Calls `handler` for every event on `topic` until the returned function is called. */
export async function subscribe(topic: string, handler: (e: LiveEvent) => void): Promise<() => void> {
  await connect();
  hub.emitter.on(topic, handler);
  return () => hub.emitter.off(topic, handler);
}

/** An async stream of events on a topic for tRPC SSE subscriptions; ends when the client goes away. */
export async function* liveStream(topic: string, signal: AbortSignal | undefined, opts: { announce?: boolean } = {}): AsyncGenerator<LiveEvent> {
  const queue: LiveEvent[] = [];
  let wake: (() => void) | null = null;
  const off = await subscribe(topic, (e) => {
    queue.push(e);
    wake?.();
  });
  // `announce`: a first event once the subscription is live, so a page refetches what committed between its
  // first fetch and now (an automatic quote lands within milliseconds of the post that caused it).
  if (opts.announce) queue.push({ topic, type: LIVE_SUBSCRIBED });
  // One abort listener for the stream's whole life: adding one per wait piled them up on a busy stream.
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    while (!signal?.aborted) {
      if (queue.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (signal?.aborted) resolve(); // aborted between the loop's check and now
        });
        wake = null;
      }
      while (queue.length > 0) yield queue.shift()!;
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    off();
  }
}
