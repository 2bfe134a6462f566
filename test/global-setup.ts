import type { TestProject } from "vitest/node";
import { createMigratedDatabase, dropDatabase } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await createMigratedDatabase("keyturn_int");
  project.provide("databaseUrl", db.url);
  return async () => {
    if (!process.env.KEEP_TEST_DB) await dropDatabase(db.name);
  };
}
