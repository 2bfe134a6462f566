// Issue 13 item 21: concurrent edits from several pooled connections against the embedded demo
// database (PGlite behind pglite-socket, as scripts/demo.mts serves it) all succeed and all count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { useSessionQueue } from "../scripts/pglite-session-queue";

let db: PGlite;
let server: PGLiteSocketServer;
let url = "";

beforeAll(async () => {
  db = await PGlite.create();
  server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 20 });
  useSessionQueue(server, db);
  await server.start();
  url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  await db.exec(`CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL, note text); INSERT INTO counter SELECT g, 0, '' FROM generate_series(1, 4) g;`);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe("the embedded database under concurrent edits", () => {
  it("two pools (as two module copies of one app would hold), many edits at once: none fails, none is lost", async () => {
    const pools = [new pg.Pool({ connectionString: url, max: 4 }), new pg.Pool({ connectionString: url, max: 4 })];
    const edits = 60;
    try {
      const results = await Promise.allSettled(
        Array.from({ length: edits }, async (_, i) => {
          const pool = pools[i % 2]!;
          if (i % 3 === 0) {
            // A transaction of statements with different parameter counts, as Prisma sends them.
            const c = await pool.connect();
            try {
              await c.query("BEGIN");
              await c.query("UPDATE counter SET n = n + $1 WHERE id = $2", [1, (i % 4) + 1]);
              await c.query("UPDATE counter SET note = $1 || $2 || $3 WHERE id = $4", ["edit ", String(i), "!", (i % 4) + 1]);
              await c.query("COMMIT");
            } catch (e) {
              await c.query("ROLLBACK").catch(() => {});
              throw e;
            } finally {
              c.release();
            }
          } else if (i % 3 === 1) {
            await pool.query("UPDATE counter SET n = n + $1 WHERE id = $2", [1, (i % 4) + 1]);
          } else {
            await pool.query("UPDATE counter SET n = n + 1, note = $1 WHERE id = $2 AND $3::int > 0", ["x", (i % 4) + 1, 1]);
          }
        }),
      );
      const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
      expect(failures).toEqual([]);
      const { rows } = await pools[0]!.query<{ total: number }>("SELECT sum(n)::int AS total FROM counter");
      expect(rows[0]!.total).toBe(edits);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});
