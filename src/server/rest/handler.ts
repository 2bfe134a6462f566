// The lender REST API's one wrapper: bearer-key auth, per-key rate limit, bounded JSON bodies, and the
// single error shape { "error": { "code", "message" } }. Handlers return data or throw AppError.
import { z, ZodError } from "zod";
import { env } from "~/env.js";
import { AppError, errorStatus } from "~/server/errors";
import { hitRateLimit } from "~/server/rate-limit";
import { authenticateApiKey, looksLikeApiKey, type ApiCaller } from "~/modules/lending/api-keys";

export const MAX_BODY_BYTES = 16 * 1024;
const KEY_PARAMS = ["api_key", "apikey", "key", "token", "access_token", "secret", "authorization"];

export type RestResult = { status?: number; body: unknown; headers?: Record<string, string> };
type Ctx<P> = { req: Request; caller: ApiCaller; params: P; json: () => Promise<unknown> };

const codeName: Record<keyof typeof errorStatus, string> = {
  BAD_REQUEST: "invalid_request",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  CONFLICT: "conflict",
  PAYLOAD_TOO_LARGE: "payload_too_large",
  UNPROCESSABLE: "unprocessable",
  RATE_LIMITED: "rate_limited",
  INTERNAL: "internal_error",
};

export function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store", ...headers } });
}

function toResponse(e: unknown): Response {
  if (e instanceof AppError) {
    const headers: Record<string, string> = e.retryAfterSeconds ? { "retry-after": String(e.retryAfterSeconds) } : {};
    return errorResponse(errorStatus[e.code], codeName[e.code], e.message, headers);
  }
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return errorResponse(422, "validation_failed", `${where}${issue?.message ?? "Invalid request"}`.slice(0, 300));
  }
  console.error("[api/v1]", e);
  return errorResponse(500, "internal_error", "Something went wrong on our side. Retry with the same Idempotency-Key.");
}

/** Reads at most MAX_BODY_BYTES (whatever Content-Length claims) and parses JSON. */
async function readJson(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      // A client that hangs up mid-body is not a server error.
      const { done, value } = await reader.read().catch(() => {
        throw new AppError("BAD_REQUEST", "The request body could not be read.");
      });
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw new AppError("PAYLOAD_TOO_LARGE", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new AppError("BAD_REQUEST", "A JSON body is required.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
}

/** Refuses requests that put a secret in the URL: URLs end up in logs, proxies and browser history. */
function keyInUrl(url: URL) {
  for (const [name, value] of url.searchParams) if (KEY_PARAMS.includes(name.toLowerCase()) || looksLikeApiKey(value)) return true;
  return looksLikeApiKey(url.pathname);
}

export function apiRoute<P = Record<string, string>>(handler: (ctx: Ctx<P>) => Promise<RestResult>) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const url = new URL(req.url);
      if (keyInUrl(url)) {
        return errorResponse(400, "key_in_url", "API keys are never accepted in the URL. Send Authorization: Bearer <key>, and revoke the key you just exposed.");
      }
      const auth = req.headers.get("authorization") ?? "";
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const caller = m ? await authenticateApiKey(m[1]!) : null;
      if (!caller) {
        return errorResponse(401, "unauthorized", m ? "The API key is invalid or has been revoked." : "Send your API key as Authorization: Bearer <key>.", { "www-authenticate": 'Bearer realm="keyturn"' });
      }
      const limit = env.API_RATE_LIMIT_PER_MINUTE;
      const rl = await hitRateLimit(`api:${caller.keyId}`, limit, 60);
      const rlHeaders = { "x-ratelimit-limit": String(limit), "x-ratelimit-remaining": String(rl.remaining) };
      if (!rl.allowed) {
        return errorResponse(429, "rate_limited", `Rate limit of ${limit} requests per minute exceeded. Retry after ${rl.retryAfterSeconds} seconds.`, { "retry-after": String(rl.retryAfterSeconds), ...rlHeaders });
      }
      const out = await handler({ req, caller, params: await route.params, json: () => readJson(req) });
      return Response.json(out.body, { status: out.status ?? 200, headers: { "cache-control": "no-store", ...rlHeaders, ...out.headers } });
    } catch (e) {
      return toResponse(e);
    }
  };
}

/** Parses URL query parameters with a strict schema (unknown parameters are refused, not ignored). */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const r = schema.safeParse(params);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AppError("BAD_REQUEST", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`);
  }
  return r.data;
}

export const idSchema = z.string().regex(/^[a-z0-9]{10,40}$/, "not a valid id");
