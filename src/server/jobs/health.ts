import { db } from "~/server/db";

/** A worker renews its heartbeat every 5 s: silent for this long, it is taken for dead. */
export const WORKER_SILENT_AFTER_SECONDS = 30;
/** A due job nobody has claimed for this long means the workers are dead, stuck or far too few. */
export const OLDEST_DUE_LIMIT_SECONDS = 60;

export type WorkerFacts = { liveWorkers: number; lastClaimAt: Date | null; oldestDueSeconds: number | null };
export type WorkerHealth = WorkerFacts & { ok: boolean; problem: string | null };

/** Red when no worker is alive, or when due work waits past the limit (whatever the heartbeats say). */
export function judgeWorkerHealth(f: WorkerFacts): WorkerHealth {
  const problem =
    f.liveWorkers === 0
      ? `No job worker has been seen in the last ${WORKER_SILENT_AFTER_SECONDS} seconds.`
      : f.oldestDueSeconds !== null && f.oldestDueSeconds > OLDEST_DUE_LIMIT_SECONDS
        ? `The oldest due job has waited ${Math.round(f.oldestDueSeconds)} seconds (limit ${OLDEST_DUE_LIMIT_SECONDS}).`
        : null;
  return { ...f, ok: problem === null, problem };
}

/** What /api/health/worker reports: two index-backed reads. */
export async function readWorkerHealth(): Promise<WorkerHealth> {
  const [workers] = await db.$queryRaw<{ live: number; lastClaimAt: Date | null }[]>`
    SELECT count(*) FILTER (WHERE "seenAt" > now() - make_interval(secs => ${WORKER_SILENT_AFTER_SECONDS}))::int AS "live", max("lastClaimAt") AS "lastClaimAt"
    FROM "WorkerHeartbeat"`;
  // Due and unclaimed (or its lease lapsed): the partial index on pending jobs' runAt serves it.
  const [due] = await db.$queryRaw<{ seconds: number | null }[]>`
    SELECT extract(epoch FROM now() - min("runAt"))::float8 AS "seconds" FROM "Job"
    WHERE "status" = 'PENDING' AND "runAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`;
  return judgeWorkerHealth({ liveWorkers: workers?.live ?? 0, lastClaimAt: workers?.lastClaimAt ?? null, oldestDueSeconds: due?.seconds ?? null });
}
