import { readWorkerHealth } from "~/server/jobs/health";

export const dynamic = "force-dynamic";

/**
 * For monitoring, not for load balancers: 200 while a job worker is alive and due work is being taken,
 * 503 when none is or work waits (README, "Alerting on the worker").
 */
export async function GET() {
  try {
    const h = await readWorkerHealth();
    const body = {
      ok: h.ok,
      workers: h.liveWorkers,
      last_claim_at: h.lastClaimAt?.toISOString() ?? null,
      oldest_due_job_seconds: h.oldestDueSeconds === null ? null : Math.round(h.oldestDueSeconds),
    };
    if (h.ok) return Response.json(body);
    return Response.json({ ...body, error: { code: "WORKER_UNHEALTHY", message: h.problem } }, { status: 503 });
  } catch {
    return Response.json({ ok: false, error: { code: "DB_UNAVAILABLE", message: "Database unreachable" } }, { status: 503 });
  }
}
