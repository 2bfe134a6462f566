// Use-cases throw AppError with a domain code; transports (tRPC, REST) map codes to statuses in one place.
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    // Field-level problems for forms: { fieldPath: message }.
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Not found") => new AppError("NOT_FOUND", what);
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const forbidden = (message = "You are not allowed to do that.") => new AppError("FORBIDDEN", message);
export const badRequest = (message: string, fields?: Record<string, string>) => new AppError("BAD_REQUEST", message, fields);

/** Prisma's unique-constraint violation, raised as P2002 (or as the driver adapter's raw 23505). */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: string; cause?: { code?: string; originalCode?: string }; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return (
    err.code === "P2002" ||
    err.code === "23505" ||
    err.cause?.originalCode === "23505" ||
    err.meta?.driverAdapterError?.cause?.originalCode === "23505"
  );
}

/** A serialization failure or deadlock: safe to retry the whole transaction. */
export function isRetryableTxError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: string; message?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  const pg = err.meta?.driverAdapterError?.cause?.originalCode;
  return err.code === "P2034" || pg === "40001" || pg === "40P01";
}
