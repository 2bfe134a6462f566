// `npm run worker`: runs the job handlers (fan-out, pre-approvals, webhooks, email). Start as many as you
// like; they share work through PostgreSQL (SKIP LOCKED), so no job runs twice at once.
import { startWorker } from "~/server/jobs/worker";

const stop = startWorker({ pollMs: 1000 });
console.log(`[worker ${process.pid}] started`);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, async () => {
    await stop();
    console.log(`[worker ${process.pid}] stopped`);
    process.exit(0);
  });
}
