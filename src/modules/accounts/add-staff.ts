import { db } from "~/server/db";
import { AppError, forbidden, isUniqueViolation } from "~/server/errors";
import { hashPassword } from "~/server/auth/password";
import type { Actor } from "~/server/auth/session";
import type { TAddStaffInput } from "~/modules/accounts/schemas";

/** An organisation owner adds a colleague to their dealer or lender. */
export async function addStaff({ actor, ...input }: { actor: Actor } & TAddStaffInput) {
  if (actor.orgRole !== "OWNER" || !(actor.dealerId || actor.lenderId)) throw forbidden("Only an owner can add staff.");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: actor.role },
        select: { id: true, email: true, name: true },
      });
      await tx.membership.create({
        data: { userId: user.id, dealerId: actor.dealerId, lenderId: actor.lenderId, role: input.role },
      });
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("CONFLICT", "An account with this email already exists.", { email: "This email is already registered." });
    }
    throw e;
  }
}

export async function listStaff({ actor }: { actor: Actor }) {
  if (!actor.dealerId && !actor.lenderId) return [];
  return db.membership.findMany({
    where: actor.dealerId ? { dealerId: actor.dealerId } : { lenderId: actor.lenderId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
}
