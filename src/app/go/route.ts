import { NextResponse, type NextRequest } from "next/server";
import { currentActor, homeFor } from "~/server/auth/session";
import { safeReturnPath } from "~/server/auth/return-path";

export const dynamic = "force-dynamic";

/** After sign-in: back to where the user was headed if it is inside their own area, else their home. */
export async function GET(req: NextRequest) {
  const actor = await currentActor();
  if (!actor) return NextResponse.redirect(new URL("/signin", req.url));
  const home = homeFor[actor.role];
  // Only same-site paths inside the user's area: never an open redirect.
  const target = safeReturnPath(req.nextUrl.searchParams.get("callbackUrl"), home);
  return NextResponse.redirect(new URL(target, req.url));
}
