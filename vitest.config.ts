import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "src") };
// Fixed test secrets: never used outside tests.
const env = {
  NODE_ENV: "test" as const,
  NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-123",
  ENCRYPTION_KEYS: "t1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=,t0:ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=",
  WEBHOOK_ALLOW_LOCALHOST: "true",
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          env: { ...env, DATABASE_URL: "postgresql://unused@127.0.0.1:1/unused" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["src/**/*.int.test.ts", "test/**/*.int.test.ts", "prisma/**/*.int.test.ts"],
          // One fresh PostgreSQL database per run, migrated once; files share it and seed their own rows.
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/setup-env.ts"],
          env,
          // Files run one at a time: some tests measure global effects (jobs, rate limits) on shared tables.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
