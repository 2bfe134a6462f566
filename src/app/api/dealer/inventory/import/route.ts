import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { env } from "~/env.js";
import { actorFromToken } from "~/server/auth/session";
import { isCrossOrigin } from "~/server/csrf";
import { handleImport } from "~/modules/inventory/import-http";

export const dynamic = "force-dynamic";

// Not a tRPC procedure: its body limit (256 KB) is far below a dealer's feed, and the body is raw CSV.
export async function POST(req: NextRequest) {
  if (isCrossOrigin(req.headers)) return Response.json({ error: { code: "FORBIDDEN", message: "Cross-origin request refused." } }, { status: 403 });
  const actor = await actorFromToken(await getToken({ req, secret: env.NEXTAUTH_SECRET }));
  return handleImport(req, actor);
}
