import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { NotAllowed } from "~/components/not-allowed";
import { currentActor, homeFor, type Actor } from "~/server/auth/session";
import type { Role } from "~/generated/prisma/client";

/**
 * Gate for an area's layout: no session → sign in; the wrong role → a clear "not allowed" page.
 * The data behind the area is refused by the procedures themselves, so this is for people, not security.
 */
export async function guardArea(role: Role, area: string, path: string, render: (actor: Actor) => ReactNode) {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (actor.role !== role) return <NotAllowed home={homeFor[actor.role]} area={area} />;
  return render(actor);
}
