import { inject } from "vitest";

// Runs in each test worker before the test file is imported, so src/env.js sees the fresh database.
process.env.DATABASE_URL = inject("databaseUrl");
