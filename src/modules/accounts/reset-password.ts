import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { hashPassword } from "~/server/auth/password";
import { hashResetToken, looksLikeResetToken } from "~/modules/accounts/password-reset-token";

const unusable = () =>
  new AppError("BAD_REQUEST", "This reset link has expired or has already been used. Ask for a new one.", { token: "Ask for a new reset link." });

/**
 * Sets a new password with a reset token. The token is spent by a conditional update, so two uses
 * racing each other cannot both succeed; every other open token of the user is spent with it, and
 * every existing session ends (sessionVersion), in case the reset is taking the account back.
 */
export async function resetPassword(input: { token: string; password: string }) {
  if (!looksLikeResetToken(input.token)) throw unusable();
  const tokenHash = hashResetToken(input.token);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const token = await tx.passwordResetToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true } });
    if (!token) throw unusable();
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: token.id, usedAt: null, expiresAt: { gt: new Date() }, user: { disabled: false } },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) throw unusable();
    await tx.passwordResetToken.updateMany({ where: { userId: token.userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.user.update({ where: { id: token.userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { id: true } });
  });
  return { message: "Your password has been changed. Sign in with the new one." };
}
