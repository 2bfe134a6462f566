import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { NotAllowed } from "~/components/not-allowed";
import { currentActor, homeFor, type Actor } from "~/server/auth/session";
import { safeReturnPath } from "~/server/auth/return-path";
import type { Role } from "~/generated/prisma/client";

// Kept in step with src/proxy.ts, which sets it (imported from there, the proxy's code would join every layout).
const REQUESTED_PATH_HEADER = "x-keyturn-requested-path";

/**
 * Gate for an area's layout: no session → sign in; the wrong role → a clear "not allowed" page.
 * The data behind the area is refused by the procedures themselves, so this is for people, not security.
 */
export async function guardArea(role: Role, area: string, path: string, render: (actor: Actor) => ReactNode) {
  const actor = await currentActor();
  if (!actor) {
    // Back to the very page that asked, if it is inside this area; else the area's home.
    const asked = safeReturnPath((await headers()).get(REQUESTED_PATH_HEADER), path);
    redirect(`/signin?callbackUrl=${encodeURIComponent(asked)}`);
  }
  if (actor.role !== role) return <NotAllowed home={homeFor[actor.role]} area={area} />;
  return render(actor);
}
