// Serves a lender API route from the web app (Next.js route handlers): the same route, Fetch in and out.
import { tooLarge, unreadable, type RestRequest, type RestRoute } from "./handler";

function fromFetch(req: Request): RestRequest {
  const bytes = async (limit: number) => {
    if (Number(req.headers.get("content-length") ?? "0") > limit) throw tooLarge(limit);
    const reader = req.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      if (!reader) break;
      // A client that hangs up mid-body is not a server error.
      const { done, value } = await reader.read().catch(() => {
        throw unreadable();
      });
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  };
  return {
    method: req.method,
    url: new URL(req.url),
    header: (name) => req.headers.get(name),
    bytes,
    text: async (limit) => Buffer.from(await bytes(limit)).toString("utf8"),
  };
}

export function forNext<P>(route: RestRoute<P>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    const out = await route(fromFetch(req), await ctx.params);
    return new Response(out.body, { status: out.status, headers: out.headers });
  };
}
