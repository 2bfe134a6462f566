// `npm run api`: the lender REST API (/api/v1) as its own process on API_PORT, on plain node:http with
// the same routes the web app serves. Start as many as you like behind a proxy; they share state only
// through PostgreSQL.
import { env } from "~/env.js";
import { db } from "~/server/db";
import { createApiServer } from "~/server/rest/node-server";

const server = createApiServer();
server.listen(env.API_PORT, env.API_HOST, () => console.log(`[api ${process.pid}] lender API on http://${env.API_HOST}:${env.API_PORT}/api/v1`));
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    // Finish the calls in flight, then leave.
    server.close(async () => {
      await db.$disconnect();
      process.exit(0);
    });
    server.closeIdleConnections();
  });
}
