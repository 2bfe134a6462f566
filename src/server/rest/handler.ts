// The lender REST API's one wrapper: bearer-key auth, per-key rate limit, bounded JSON bodies, and the
// single error shape { "error": { "code", "message" } }. Handlers return data or throw AppError.
// It knows no HTTP framework: ./node-server.ts serves it on node:http (the lender API process), and
// ./next.ts serves the same routes from the web app.
import { z, ZodError } from "zod";
import { env } from "~/env.js";
// Installs the human error map for the API's validation messages.
import "~/lib/zod";
import { AppError, errorStatus } from "~/server/errors";
import { findInputProblem, isUnsafeText, UNSAFE_TEXT_MESSAGE } from "~/server/input-text";
import { authenticateApiKey, looksLikeApiKey, type ApiCaller, type DealerApiCaller, type KeyCaller } from "~/modules/lender-api/api-keys";

export const MAX_BODY_BYTES = 16 * 1024;
const KEY_PARAMS = ["api_key", "apikey", "key", "token", "access_token", "secret", "authorization"];

/** What a route sees of a request, whichever server received it. */
export type RestRequest = {
  method: string;
  url: URL;
  header(name: string): string | null;
  /** The body as text. Past `limit` bytes (declared or sent) it throws PAYLOAD_TOO_LARGE and reads no more. */
  text(limit: number): Promise<string>;
  /** The body's bytes, undecoded (a CSV whose encoding must be checked), with the same limit. */
  bytes(limit: number): Promise<Uint8Array>;
};
export type RestResponse = { status: number; headers: Record<string, string>; body: string };
export type RestRoute<P> = (req: RestRequest, params: P) => Promise<RestResponse>;

export type RestResult = { status?: number; body: unknown; headers?: Record<string, string> };
type Ctx<P, C extends KeyCaller = ApiCaller> = { req: RestRequest; caller: C; params: P; json: () => Promise<unknown> };

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

const JSON_HEADERS = { "content-type": "application/json", "cache-control": "no-store" };

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): RestResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

export function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): RestResponse {
  return jsonResponse(status, { error: { code, message } }, headers);
}

function toResponse(e: unknown): RestResponse {
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

async function readJson(req: RestRequest, limit: number): Promise<unknown> {
  const text = await req.text(limit);
  if (!text.trim()) throw new AppError("BAD_REQUEST", "A JSON body is required.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  const problem = findInputProblem(body);
  if (problem) throw new AppError("BAD_REQUEST", `${problem.path ? `${problem.path}: ` : ""}${problem.message}`);
  return body;
}

/** A malformed %-escape in the path: the URL names nothing, and saying so beats a 404 or a 500. */
export const badUrl = () => errorResponse(400, "invalid_request", "The URL contains a malformed %-escape.");

export const tooLarge = (limit: number) => new AppError("PAYLOAD_TOO_LARGE", `Request bodies are limited to ${limit} bytes.`);
export const unreadable = () => new AppError("BAD_REQUEST", "The request body could not be read.");

/** Refuses requests that put a secret in the URL: URLs end up in logs, proxies and browser history. */
function keyInUrl(url: URL) {
  for (const [name, value] of url.searchParams) if (KEY_PARAMS.includes(name.toLowerCase()) || looksLikeApiKey(value)) return true;
  return looksLikeApiKey(url.pathname);
}

// A key opens only its owner's API. A dealer key on a lender route (or the reverse) is refused exactly as
// an unknown key is, 401 with the same code, so no route tells a caller more than "not a key for this";
// the message names the mix-up, which is the only thing the caller can act on.
const WRONG_KEY: Record<KeyCaller["kind"], string> = {
  lender: "This is a dealer API key; the lender API takes a key created in the lender console.",
  dealer: "This is a lender API key; the dealer API (inventory and quotes) takes a key created on the dealer's API keys page.",
};
const unauthorized = (message: string) => errorResponse(401, "unauthorized", message, { "www-authenticate": 'Bearer realm="keyturn"' });

function keyedRoute<P, K extends KeyCaller["kind"]>(kind: K, bodyLimit: number, handler: (ctx: Ctx<P, Extract<KeyCaller, { kind: K }>>) => Promise<RestResult>): RestRoute<P> {
  return async (req, params) => {
    try {
      if (keyInUrl(req.url)) {
        return errorResponse(400, "key_in_url", "API keys are never accepted in the URL. Send Authorization: Bearer <key>, and revoke the key you just exposed.");
      }
      for (const [name, value] of req.url.searchParams) {
        if (isUnsafeText(name) || isUnsafeText(value)) return errorResponse(400, "invalid_request", `Query parameter: ${UNSAFE_TEXT_MESSAGE}`);
      }
      const m = /^Bearer\s+(\S+)$/i.exec(req.header("authorization") ?? "");
      // One round trip resolves the key and counts the call against its rate limit.
      const caller = m ? await authenticateApiKey(m[1]!, env.API_RATE_LIMIT_PER_MINUTE) : null;
      if (!caller) return unauthorized(m ? "The API key is invalid or has been revoked." : "Send your API key as Authorization: Bearer <key>.");
      if (caller.kind !== kind) return unauthorized(WRONG_KEY[kind]);
      const { rateLimit: rl } = caller;
      const rlHeaders = { "x-ratelimit-limit": String(rl.limit), "x-ratelimit-remaining": String(rl.remaining) };
      if (!rl.allowed) {
        return errorResponse(429, "rate_limited", `Rate limit of ${rl.limit} requests per minute exceeded. Retry after ${rl.retryAfterSeconds} seconds.`, { "retry-after": String(rl.retryAfterSeconds), ...rlHeaders });
      }
      const out = await handler({ req, caller: caller as Extract<KeyCaller, { kind: K }>, params, json: () => readJson(req, bodyLimit) });
      return jsonResponse(out.status ?? 200, out.body, { ...rlHeaders, ...out.headers });
    } catch (e) {
      return toResponse(e);
    }
  };
}

/** A lender API route: lender keys only, JSON bodies up to MAX_BODY_BYTES. */
export const apiRoute = <P = Record<string, string>>(handler: (ctx: Ctx<P, ApiCaller>) => Promise<RestResult>) => keyedRoute<P, "lender">("lender", MAX_BODY_BYTES, handler);

/** A dealer API route: dealer keys only, with the route's own body limit (inventory feeds are large). */
export const dealerApiRoute = <P = Record<string, string>>(bodyLimit: number, handler: (ctx: Ctx<P, DealerApiCaller>) => Promise<RestResult>) =>
  keyedRoute<P, "dealer">("dealer", bodyLimit, handler);

/** Parses URL query parameters with a strict schema (unknown parameters are refused, not ignored). */
export function parseQuery<S extends z.ZodType>(req: RestRequest, schema: S): z.infer<S> {
  const params = Object.fromEntries(req.url.searchParams);
  const r = schema.safeParse(params);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AppError("BAD_REQUEST", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`);
  }
  return r.data;
}

export const idSchema = z.string().regex(/^[a-z0-9]{10,40}$/, "not a valid id");
