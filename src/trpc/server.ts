import { headers } from "next/headers";
import { createCaller } from "~/server/api/root";
import { currentActor } from "~/server/auth/session";

/** A tRPC caller for server components: same procedures, same access checks, no HTTP hop. */
export async function serverApi() {
  const [actor, h] = await Promise.all([currentActor(), headers()]);
  return createCaller({ actor, headers: new Headers(h) });
}
