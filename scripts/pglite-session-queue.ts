// The embedded demo database (PGlite behind pglite-socket) has ONE PostgreSQL session for all its
// socket connections. pglite-socket's own queue runs their messages one at a time, and keeps a
// transaction's owner in front, but it lets another connection's message in between a Parse and its
// Bind: two unnamed prepared statements then interleave ("bind message supplies 3 parameters, but
// prepared statement "" requires 2"). This queue gives one connection the session from its first
// message until the session is free again: its extended-protocol group has ended (Sync, or a simple
// Query) and no transaction is open. Other connections wait their turn, whole.
import type { PGlite } from "@electric-sql/pglite";

type Item = { handlerId: number; message: Uint8Array; resolve: (n: number) => void; reject: (e: unknown) => void; onData: (d: Uint8Array) => void };
type Session = Pick<PGlite, "runExclusive" | "execProtocolRawStream" | "exec"> & { isInTransaction(): boolean };

// Parse, Bind, Describe, Execute, Close, Flush: a group is still open after these (until Sync).
const GROUP_CONTINUES = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

export class SessionQueue {
  private queue: Item[] = [];
  private processing = false;
  private owner: number | null = null;

  constructor(private db: Session) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (d: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, resolve, reject, onData });
      void this.processQueue();
    });
  }

  async processQueue(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        const index = this.owner === null ? (this.queue.length ? 0 : -1) : this.queue.findIndex((q) => q.handlerId === this.owner);
        if (index < 0) break; // empty, or the owner has not sent its next message yet: everyone else waits
        const item = this.queue.splice(index, 1)[0]!;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (d: Uint8Array) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
          item.resolve(bytes);
        } catch (e) {
          item.reject(e);
        }
        const open = GROUP_CONTINUES.has(item.message[0]!) || this.db.isInTransaction();
        this.owner = open ? item.handlerId : null;
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection that goes away while owning the session hands it back clean. */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return;
    await this.db.runExclusive(async () => {
      await this.db.execProtocolRawStream(SYNC, { onRawData: () => {} });
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    });
    this.owner = null;
    await this.processQueue();
  }
}

/** Puts the queue in front of a PGLiteSocketServer (before start(): each connection takes the server's queue as it arrives). */
export function useSessionQueue(server: object, db: PGlite) {
  (server as { queryQueue: unknown }).queryQueue = new SessionQueue(db as unknown as Session);
}
