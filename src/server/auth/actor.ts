// Who a session token belongs to, without next/headers, so the Pages Router's home page can use it too.
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

export const homeFor: Record<Role, string> = {
  CUSTOMER: "/customer",
  DEALER: "/dealer",
  LENDER: "/lender",
  ADMIN: "/admin",
};
