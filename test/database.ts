import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

/** The server that test databases are created on. CI starts the machine's PostgreSQL on 5432. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string) {
  const u = new URL(TEST_SERVER_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty database with a unique name and applies the committed migrations to it. */
export async function createMigratedDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(name);
  const root = path.resolve(import.meta.dirname, "..");
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return { name, url };
}

export async function dropDatabase(name: string) {
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
