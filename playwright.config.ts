import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium: Playwright's own browser download cannot work on these machines.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
};

const base = Number(process.env.E2E_PORT ?? 3100);
export const PORTS = { a: base, b: base + 1 };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Journeys sign in several browsers against two app instances; on a busy 2-core machine a minute is not enough.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORTS.a}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromium } }],
  // Two instances of the same build on one database: live updates must cross between them.
  webServer: [PORTS.a, PORTS.b].map((port) => ({
    command: `npx next start -p ${port}`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { NEXTAUTH_URL: `http://localhost:${port}`, RUN_WORKER_IN_PROCESS: port === PORTS.a ? "true" : "false" },
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  })),
});
