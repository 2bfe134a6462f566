import { headers } from "next/headers";
import { createCaller } from "~/server/api/root";
import { currentActor } from "~/server/auth/session";

/** The context a request's procedures run with on the server: who is signed in, and the request's headers. */
export async function serverContext() {
  const [actor, h] = await Promise.all([currentActor(), headers()]);
  return { actor, headers: new Headers(h) };
}

/** A tRPC caller for server components: same procedures, same access checks, no HTTP hop. */
export async function serverApi() {
  return createCaller(await serverContext());
}
