// `npm run relay`: the inbound SMTP listener for dealers' emailed replies (src/server/relay/smtp.ts), on
// RELAY_SMTP_HOST:RELAY_SMTP_PORT (default 127.0.0.1:2525). Stateless like the other processes: start as
// many as you like behind the MX; rate limits and the log are in PostgreSQL.
import { env } from "~/env.js";
import { createRelayServer } from "~/server/relay/smtp";

const fatal = (what: string) => (err: unknown) => {
  console.error(`[relay ${process.pid}] ${what}:`, err);
  process.exit(1);
};
process.on("uncaughtException", fatal("uncaught exception"));
process.on("unhandledRejection", fatal("unhandled rejection"));

const relay = createRelayServer();
const port = await relay.listen();
console.log(`[relay ${process.pid}] listening on ${env.RELAY_SMTP_HOST}:${port} for lead-<token>@${env.RELAY_DOMAIN}`);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, async () => {
    await relay.close();
    process.exit(0);
  });
}
