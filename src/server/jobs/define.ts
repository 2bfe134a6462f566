import type { z } from "zod";

/**
 * Kinds of work, each with its own slots in every worker (POOL_CONCURRENCY), so a slow kind — a lender's
 * endpoint that hangs, a mail server that stalls — only ever occupies its own slots.
 */
export type JobPool = "fan-out" | "quotes" | "notifications" | "email" | "webhooks" | "general";

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  /** Queue name, e.g. "request.fan-out". */
  id: string;
  schema: S;
  /** Must be idempotent: a job may run again after a crash between its work and being marked done. */
  handler: (payload: z.infer<S>, ctx: { jobId: string; attempt: number }) => Promise<void>;
  maxAttempts?: number;
  /** Whose slots run it; "general" unless said. */
  pool?: JobPool;
  /** Base delay for exponential backoff with full jitter. */
  backoffMs?: number;
  /**
   * Recurring maintenance: every worker, when it starts, makes sure one run is queued, and each run,
   * in the transaction that marks it done, queues the next this many milliseconds later.
   */
  everyMs?: number;
};

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}
