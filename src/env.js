// The only module that reads process.env. A missing or malformed variable stops start-up with a message
// that names it (see src/env.int.test.ts).
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((v) => v === "true" || v === "1");

// "kid:base64key,kid2:base64key" — the first key encrypts; all of them decrypt (rotation).
const encryptionKeys = z
  .string()
  .min(1)
  .refine(
    (raw) =>
      raw.split(",").every((entry) => {
        const [kid, key] = entry.split(":");
        return !!kid && /^[A-Za-z0-9_-]{1,16}$/.test(kid) && !!key && Buffer.from(key, "base64").length === 32;
      }),
    { message: 'must be "keyId:base64(32 bytes)" entries separated by commas' },
  );

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgresql:// URL" }),
    // Connections per process. A production API process under load wants about 2 per core of PostgreSQL;
    // the embedded demo database runs with 1 (scripts/demo.mts says why).
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(6),
    // Hot paths prepare their statements per connection; the embedded demo database cannot (src/server/db.ts).
    DATABASE_PREPARED_STATEMENTS: z.enum(["true", "false", "1", "0"]).default("true").transform((v) => v === "true" || v === "1"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    NEXTAUTH_URL: z.url().default("http://localhost:3000"),
    ENCRYPTION_KEYS: encryptionKeys,
    MAIL_TRANSPORT: z.enum(["smtp", "log"]).default("log"),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().default("Keyturn <no-reply@keyturn.local>"),
    // Lets tests deliver webhooks to a receiver on 127.0.0.1; never set in production.
    WEBHOOK_ALLOW_LOCALHOST: flag,
    // Only behind a proxy we control may X-Forwarded-For name the client.
    TRUST_PROXY: flag,
    // The demo runs the job worker inside the web process; production runs `npm run worker`.
    RUN_WORKER_IN_PROCESS: flag,
    // "notify": PostgreSQL LISTEN/NOTIFY (production). "poll": a polled table, for the embedded demo database.
    LIVE_TRANSPORT: z.enum(["notify", "poll"]).default("notify"),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
    // Where `npm run api` (the lender API process) listens.
    API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    API_HOST: z.string().default("0.0.0.0"),
    CREDIT_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
    // A worker's claim on a job lasts this long and is renewed every third of it while the job runs, so a
    // dead worker's job is due again within this many seconds (src/server/jobs/worker.ts).
    JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(600).default(15),
    // Seconds before each retry of a failed webhook delivery; after the last the delivery is dead until
    // redriven. The default spans about 37 hours (documented in /docs/api and the OpenAPI document).
    WEBHOOK_RETRY_SCHEDULE: z
      .string()
      .regex(/^\d+(,\d+)*$/, "must be seconds separated by commas")
      .default("60,300,1800,7200,18000,36000,36000,36000")
      .transform((v) => v.split(",").map(Number)),
    // The whole of one webhook attempt (connect, send, answer) is bounded by this.
    WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
    // The domain of the masked reply addresses in ADF leads (lead-<token>@RELAY_DOMAIN). The .localhost
    // default never resolves to a real mailbox, so development and tests cannot mail anyone by mistake.
    RELAY_DOMAIN: z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, "must be a lower-case domain name, like relay.example.com")
      .default("relay.keyturn.localhost"),
    // Where `npm run relay` (the inbound SMTP listener for dealers' replies) listens. Loopback by default:
    // in production an MX host or a proxy in front of it is the only thing that should reach it.
    RELAY_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
    RELAY_SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  },
  client: {},
  experimental__runtimeEnv: {},
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  emptyStringAsUndefined: true,
});
