import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { env } from "~/env.js";
import { actorFromToken, type Actor } from "./actor";

export { actorFromToken, homeFor, type Actor } from "./actor";

/** For server components and route handlers. */
export async function currentActor(): Promise<Actor | null> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const token = await getToken({
    req: { headers: Object.fromEntries(h.entries()), cookies: Object.fromEntries(c.getAll().map((x) => [x.name, x.value])) } as never,
    secret: env.NEXTAUTH_SECRET,
  });
  return actorFromToken(token);
}
