import { env } from "~/env.js";
import { db } from "~/server/db";
import { enqueue } from "~/server/jobs/queue";
import { enforceRateLimit } from "~/server/rate-limit";
import { hashResetToken, newResetToken, RESET_TOKEN_TTL_MINUTES } from "~/modules/accounts/password-reset-token";
import { sendResetEmailJob } from "~/modules/accounts/send-reset-email.job";

/** What every caller is told, whether or not the address has an account: the answer reveals nothing. */
export const RESET_REQUESTED_MESSAGE =
  "If an account uses that email, we have sent it a link to choose a new password. The link works once, within an hour.";

/**
 * Emails a single-use, expiring reset link to the account's own address. The token's hash, the email
 * and the job that sends it are written in one transaction. Unknown and disabled addresses get the same
 * answer and nothing is sent. Limited per address asked and per caller, so it cannot flood an inbox.
 */
export async function requestPasswordReset(input: { email: string; ip: string }) {
  await enforceRateLimit(`reset:ip:${input.ip}`, 20, 60 * 60, "password reset requests");
  await enforceRateLimit(`reset:email:${input.email}`, 3, 60 * 60, "password reset requests for this email");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, disabled: true } });
    if (!user || user.disabled) return;
    const token = newResetToken();
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MINUTES * 60_000) },
      select: { id: true },
    });
    const email = await tx.outboundEmail.create({
      data: {
        to: user.email,
        subject: "Choose a new Keyturn password",
        text:
          `Someone (we hope you) asked to reset the password of your Keyturn account.\n\n` +
          `Choose a new password here: ${env.NEXTAUTH_URL}/reset-password?token=${token}\n\n` +
          `The link works once, within ${RESET_TOKEN_TTL_MINUTES} minutes. If you did not ask, ignore this email: your password stays as it is.`,
      },
      select: { id: true },
    });
    await enqueue(tx, sendResetEmailJob.id, { outboundEmailId: email.id });
  });
  return { message: RESET_REQUESTED_MESSAGE };
}
