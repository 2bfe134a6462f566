// Regenerates the initial migration from prisma/schema.prisma plus the hand-written SQL in prisma/sql.
// Usage: node scripts/gen-migration.mjs [migration-name]  (default 0001_init)
// `*.pre.sql` files go before Prisma's DDL (extensions), the others after it, in name order.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = process.argv[2] ?? "0001_init";
const sqlDir = path.join("prisma", "sql");
const files = readdirSync(sqlDir).filter((f) => f.endsWith(".sql")).sort();
const read = (f) => `-- ${f}\n${readFileSync(path.join(sqlDir, f), "utf8").trim()}\n`;

const ddl = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost/unused" } },
);

const out = [
  ...files.filter((f) => f.endsWith(".pre.sql")).map(read),
  ddl.trim(),
  ...files.filter((f) => !f.endsWith(".pre.sql")).map(read),
].join("\n\n");

const dir = path.join("prisma", "migrations", name);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), out + "\n");
writeFileSync(path.join("prisma", "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`wrote ${dir}/migration.sql`);
