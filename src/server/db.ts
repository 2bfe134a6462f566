import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/env.js";

function createClient() {
  // Pool is sized so the web process, the in-process worker and LISTEN fit within PGlite's 10 connections.
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 6 });
  return new PrismaClient({ adapter });
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const g = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };
export const db = g.prisma ?? createClient();
if (env.NODE_ENV !== "production") g.prisma = db;

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
