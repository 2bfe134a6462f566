// The lender API on plain node:http: the same routes as the web app serves under /api/v1, without a web
// framework in the path. Lenders' systems call it at volume, so it runs as its own process
// (`npm run api`, scripts/api.mts) that scales apart from the web app; a proxy sends /api/v1 to it.
import http from "node:http";
import { sql } from "~/server/db";
import { openApiDocument } from "~/modules/lender-api/openapi";
import { badUrl, errorResponse, jsonResponse, tooLarge, unreadable, type RestRequest, type RestResponse } from "./handler";
import { routeTable } from "./routes";
import { decodesCleanly } from "~/server/input-text";

function fromNode(req: http.IncomingMessage, url: URL): RestRequest {
  const bytes = (limit: number) =>
    new Promise<Buffer>((resolve, reject) => {
      if (Number(req.headers["content-length"] ?? "0") > limit) return reject(tooLarge(limit));
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limit) chunks.push(chunk);
        else {
          // Stop buffering; what is left is discarded as it arrives.
          req.removeAllListeners("data");
          req.resume();
          reject(tooLarge(limit));
        }
      });
      req.on("end", () => resolve(Buffer.concat(chunks)));
      req.on("error", () => reject(unreadable()));
    });
  return {
    method: req.method ?? "GET",
    url,
    header: (name) => {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(", ") : (v ?? null);
    },
    bytes,
    text: async (limit) => (await bytes(limit)).toString("utf8"),
  };
}

let openApiJson: string | null = null;

async function dispatch(req: http.IncomingMessage): Promise<RestResponse> {
  // Only the path and query are read: the Host header is the client's to choose.
  const url = new URL(req.url ?? "/", "http://api.invalid");
  if (!decodesCleanly(url.pathname)) return badUrl();
  if (url.pathname === "/api/health") {
    try {
      await sql.query({ name: "health", text: "SELECT 1" });
      return jsonResponse(200, { ok: true });
    } catch {
      return errorResponse(503, "DB_UNAVAILABLE", "Database unreachable");
    }
  }
  if (url.pathname === "/api/v1/openapi.json" && req.method === "GET") {
    openApiJson ??= JSON.stringify(openApiDocument());
    return { status: 200, headers: { "content-type": "application/json", "access-control-allow-origin": "*" }, body: openApiJson };
  }
  let allowed: string[] = [];
  for (const { method, pattern, route } of routeTable) {
    const m = pattern.exec(url.pathname);
    if (!m) continue;
    if (method !== req.method) {
      allowed = [...allowed, method];
      continue;
    }
    // The whole path decoded cleanly above, so this cannot throw.
    const id = m[1] ? decodeURIComponent(m[1]) : "";
    return route(fromNode(req, url), { id });
  }
  if (allowed.length) return errorResponse(405, "method_not_allowed", `Use ${allowed.join(" or ")} on this path.`, { allow: allowed.join(", ") });
  return errorResponse(404, "not_found", "No such endpoint. The API reference is at /api/v1/openapi.json.");
}

export function createApiServer(): http.Server {
  const server = http.createServer((req, res) => {
    dispatch(req)
      .catch((e: unknown) => {
        console.error("[api]", e);
        return errorResponse(500, "internal_error", "Something went wrong on our side.");
      })
      .then((out) => {
        res.writeHead(out.status, { "x-content-type-options": "nosniff", ...out.headers });
        res.end(out.body);
      });
  });
  // Longer than any proxy's idle timeout in front of it, so the proxy, not we, closes idle connections.
  server.keepAliveTimeout = 65_000;
  return server;
}
