import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { env } from "~/env.js";
import { db } from "~/server/db";
import type { OrgRole, Role } from "~/generated/prisma/client";

export type Actor = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  dealerId: string | null;
  lenderId: string | null;
  orgRole: OrgRole | null;
};

/**
 * Resolves the signed-in user from the session cookie, re-reading the user row every time so that
 * disabling a user, changing their role or signing out takes effect on their very next request.
 */
export async function actorFromToken(token: Record<string, unknown> | null): Promise<Actor | null> {
  if (!token || typeof token.uid !== "string") return null;
  const user = await db.user.findUnique({
    where: { id: token.uid },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      sessionVersion: true,
      membership: { select: { dealerId: true, lenderId: true, role: true } },
    },
  });
  if (!user || user.disabled || user.sessionVersion !== token.sv) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    dealerId: user.membership?.dealerId ?? null,
    lenderId: user.membership?.lenderId ?? null,
    orgRole: user.membership?.role ?? null,
  };
}

/** For server components and route handlers. */
export async function currentActor(): Promise<Actor | null> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const token = await getToken({
    req: { headers: Object.fromEntries(h.entries()), cookies: Object.fromEntries(c.getAll().map((x) => [x.name, x.value])) } as never,
    secret: env.NEXTAUTH_SECRET,
  });
  return actorFromToken(token);
}

export const homeFor: Record<Role, string> = {
  CUSTOMER: "/customer",
  DEALER: "/dealer",
  LENDER: "/lender",
  ADMIN: "/admin",
};
