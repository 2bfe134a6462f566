import { db } from "~/server/db";

export const dynamic = "force-dynamic";

/** Liveness plus a database round-trip, for load balancers and the test harness. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: { code: "DB_UNAVAILABLE", message: "Database unreachable" } }, { status: 503 });
  }
}
