import { NextResponse, type NextRequest } from "next/server";
import { currentActor, homeFor } from "~/server/auth/session";

export const dynamic = "force-dynamic";

/** After sign-in: back to where the user was headed if it is inside their own area, else their home. */
export async function GET(req: NextRequest) {
  const actor = await currentActor();
  if (!actor) return NextResponse.redirect(new URL("/signin", req.url));
  const home = homeFor[actor.role];
  const wanted = req.nextUrl.searchParams.get("callbackUrl") ?? "";
  // Only same-site paths inside the user's area: never an open redirect.
  const target = wanted.startsWith(home) && !wanted.startsWith("//") ? wanted : home;
  return NextResponse.redirect(new URL(target, req.url));
}
