// Starts the lender API process (`scripts/api.mts`) on its own port and database, as benches and the
// injection scan need it, and waits until it answers its health check.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export async function startApiProcess(opts: { databaseUrl: string; port: number; poolSize: number }) {
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/api.mts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true, // its own process group, so stop() ends tsx and node together
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: opts.databaseUrl,
      DATABASE_POOL_SIZE: String(opts.poolSize),
      API_PORT: String(opts.port),
      API_HOST: "127.0.0.1",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_KEYS: `b1:${randomBytes(32).toString("base64")}`,
      // Benches and scans call far faster than any lender may; the limiter itself is tested elsewhere.
      API_RATE_LIMIT_PER_MINUTE: "100000000",
    },
  });
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${opts.port}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 120) {
      stop();
      throw new Error("the lender API process did not come up");
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { baseUrl: `http://127.0.0.1:${opts.port}`, stop };
}
