import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { env } from "~/env.js";
import { appRouter } from "~/server/api/root";
import { actorFromToken } from "~/server/auth/session";
import { isCrossOrigin } from "~/server/csrf";

export const dynamic = "force-dynamic";

// Browser payloads are forms; nothing legitimate comes close to this.
const MAX_BODY_BYTES = 256 * 1024;

async function handler(req: NextRequest) {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: "Request body too large." } }, { status: 413 });
  }
  // Mutations are POSTs; a browser always sends Origin on them, so another site's form or script is refused.
  if (req.method !== "GET" && isCrossOrigin(req.headers)) {
    return Response.json({ error: { code: "FORBIDDEN", message: "Cross-origin request refused." } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      actor: await actorFromToken(await getToken({ req, secret: env.NEXTAUTH_SECRET })),
      headers: req.headers,
    }),
  });
}

export { handler as GET, handler as POST };
