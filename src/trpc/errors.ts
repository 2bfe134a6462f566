import { TRPCClientError } from "@trpc/client";

/** Field messages from a failed mutation (zod or AppError), for showing next to inputs. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (err instanceof TRPCClientError) {
    const fields = (err.data as { fields?: Record<string, string> | null } | undefined)?.fields;
    if (fields) return fields;
  }
  return {};
}

export function errorMessage(err: unknown): string {
  if (err instanceof TRPCClientError) {
    const fields = fieldErrors(err);
    if (Object.keys(fields).length > 0 && (err.data as { code?: string })?.code === "BAD_REQUEST") return "Please fix the highlighted fields.";
    return err.message;
  }
  return "Something went wrong. Please try again.";
}
