// Starts `npm run worker` as a real child process on the test database, tagged with an application_name
// so a test can find (and cut) exactly its connections.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export function startWorkerProcess(opts: { databaseUrl: string; appName: string; env?: Record<string, string> }) {
  const url = new URL(opts.databaseUrl);
  url.searchParams.set("application_name", opts.appName);
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/worker.mts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    detached: true, // its own process group, so kill() ends tsx and node together
    env: { ...process.env, NODE_ENV: "test", DATABASE_URL: url.toString(), ...opts.env },
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    exited,
    stderr: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: (signal: NodeJS.Signals = "SIGTERM") => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    },
  };
}
