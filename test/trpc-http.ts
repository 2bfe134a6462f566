// The tRPC router over HTTP, as the browser reaches it (fetch adapter, the app's wire format, src/lib/wire.ts), with a
// chosen signed-in user, so tests see real statuses and error shapes rather than a server-side caller's.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { actorOf } from "./factories";

export type TrpcReply = { status: number; text: string; body: { error?: { json: { message: string; data: { code: string; httpStatus: number; fields: Record<string, string> | null } } } } | null };

export function trpcHttp(userId: string | null) {
  const send = async (req: Request): Promise<Response> =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: async () => ({ actor: userId ? await actorOf(userId) : null, headers: req.headers }),
    });
  const reply = async (res: Response): Promise<TrpcReply> => {
    const text = await res.text();
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: res.status, text, body };
  };
  return {
    /** POSTs a mutation with `rawJson` as the wire format's `json` part, written as text so tests can send what JSON.stringify would not. */
    mutation: async (path: string, rawJson: string) =>
      reply(await send(new Request(`http://app.test/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: `{"json":${rawJson}}` }))),
    query: async (path: string, rawJson: string) =>
      reply(await send(new Request(`http://app.test/api/trpc/${path}?input=${encodeURIComponent(`{"json":${rawJson}}`)}`))),
    /** Opens a subscription and returns the first SSE event that is not a connection or ping event. */
    firstEvent: async (path: string, rawJson: string) => {
      const ac = new AbortController();
      const res = await send(new Request(`http://app.test/api/trpc/${path}?input=${encodeURIComponent(`{"json":${rawJson}}`)}`, { signal: ac.signal }));
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return { status: res.status, event: null, data: null };
          buffer += value;
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event === "connected" || event === "ping" || data === undefined) continue;
            return { status: res.status, event, data: JSON.parse(data) as unknown };
          }
        }
      } finally {
        ac.abort();
        await reader.cancel().catch(() => {});
      }
    },
  };
}
