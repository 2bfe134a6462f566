import type { z } from "zod";

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  /** Queue name, e.g. "request.fan-out". */
  id: string;
  schema: S;
  /** Must be idempotent: a job may run again after a crash between its work and being marked done. */
  handler: (payload: z.infer<S>, ctx: { jobId: string; attempt: number }) => Promise<void>;
  maxAttempts?: number;
  /** Base delay for exponential backoff with full jitter. */
  backoffMs?: number;
};

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}
