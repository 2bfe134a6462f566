// The API process's HTTP server (src/server/rest/node-server.ts) on a free port for one test file: the
// REST tests call it over real HTTP.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { createApiServer } from "~/server/rest/node-server";

/** Starts the server before the file's tests and stops it after; `base()` is its /api/v1 URL. */
export function useApiServer() {
  const server = createApiServer();
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { base: () => base };
}
