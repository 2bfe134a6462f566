// Next calls register() once per server process. The demo runs the job worker here, through the same
// code as `npm run worker`; production leaves RUN_WORKER_IN_PROCESS off and runs workers separately.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("~/env.js");
  if (!env.RUN_WORKER_IN_PROCESS) return;
  const { startWorker } = await import("~/server/jobs/worker");
  startWorker({ pollMs: 1000 });
}
