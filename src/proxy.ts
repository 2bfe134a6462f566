// Runs before routing. It tells layouts which page was asked for (they are not given the path), so a
// signed-out visitor returns there after signing in. And a path with a malformed %-escape ("/customer/requests/%E0%A4%A") names no page;
// left to Next it crashes decoding the dynamic segment and answers 500. Say so with a 400 instead.
import { NextResponse, type NextRequest } from "next/server";
import { decodesCleanly } from "~/server/input-text";

const MESSAGE = "The address contains a malformed %-escape. Check the link and try again.";

/** Set here on every request, overwriting whatever the client sent; read by src/server/auth/guard.tsx. */
export const REQUESTED_PATH_HEADER = "x-keyturn-requested-path";

export function proxy(req: NextRequest) {
  if (decodesCleanly(req.nextUrl.pathname)) {
    const headers = new Headers(req.headers);
    headers.set(REQUESTED_PATH_HEADER, `${req.nextUrl.pathname}${req.nextUrl.search}`);
    return NextResponse.next({ request: { headers } });
  }
  if (req.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "BAD_REQUEST", message: MESSAGE } }, { status: 400, headers: { "cache-control": "no-store" } });
  }
  return new NextResponse(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Bad address · Keyturn</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>That address doesn't work</h1><p>${MESSAGE}</p><p><a href="/">Go to the Keyturn home page</a></p></body></html>`,
    { status: 400, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } },
  );
}

// Static assets never carry user-made paths; skip them so the proxy costs nothing there.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
