// `npm run worker`: runs the job handlers (fan-out, pre-approvals, webhooks, email). Start as many as you
// like; they share work through PostgreSQL (SKIP LOCKED), so no job runs twice at once.
// Lost database connections are retried inside; anything else unexpected ends the process with a
// non-zero code, so a supervisor (systemd Restart=on-failure, Kubernetes) starts a fresh one.
import { startWorker } from "~/server/jobs/worker";

const fatal = (what: string) => (err: unknown) => {
  console.error(`[worker ${process.pid}] ${what}:`, err);
  process.exit(1);
};
process.on("uncaughtException", fatal("uncaught exception"));
process.on("unhandledRejection", fatal("unhandled rejection"));

const stop = startWorker({ pollMs: 1000 });
console.log(`[worker ${process.pid}] started`);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, async () => {
    await stop();
    console.log(`[worker ${process.pid}] stopped`);
    process.exit(0);
  });
}
