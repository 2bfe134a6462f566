// Issue 13 item 11: a password reset that reveals nothing about which emails exist, by a single-use,
// expiring token stored only as a hash, and emailed through the outbox in the same transaction.
import { describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { drainJobs } from "~/server/jobs/worker";
import { verifyPassword } from "~/server/auth/password";
import { hashResetToken } from "~/modules/accounts/password-reset-token";
import { RESET_REQUESTED_MESSAGE } from "~/modules/accounts/request-password-reset";
import { callerAs, makeCustomer } from "../../../test/factories";

const NEW_PASSWORD = "brand-new-pass-42";
const tokenIn = (text: string) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;

async function ask(email: string) {
  return (await callerAs(null)).auth.requestPasswordReset({ email });
}
async function lastMailTo(email: string) {
  return db.outboundEmail.findFirst({ where: { to: email }, orderBy: { createdAt: "desc" }, select: { text: true, sentAt: true } });
}

describe("password reset", () => {
  it("answers the same for known and unknown emails, and mails only the account", async () => {
    const u = await makeCustomer();
    const known = await ask(u.email);
    const unknown = await ask("nobody-here@nowhere.test");
    expect(known).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(unknown).toEqual(known);
    expect(await db.outboundEmail.count({ where: { to: "nobody-here@nowhere.test" } })).toBe(0);
    // The email and its send job were committed together; the worker sends it.
    expect(await db.job.count({ where: { queue: "account.password-reset-email", status: "PENDING" } })).toBeGreaterThan(0);
    await drainJobs(["account.password-reset-email"]);
    expect((await lastMailTo(u.email))?.sentAt).not.toBeNull();
  });

  it("stores only the token's hash, sets the new password once, and ends existing sessions", async () => {
    const u = await makeCustomer();
    await ask(u.email);
    const token = tokenIn((await lastMailTo(u.email))!.text)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.passwordResetToken.findMany({ where: { userId: u.id }, select: { tokenHash: true } });
    expect(rows).toEqual([{ tokenHash: hashResetToken(token) }]);
    const before = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true } });

    const anon = await callerAs(null);
    await expect(anon.auth.resetPassword({ token, password: NEW_PASSWORD })).resolves.toMatchObject({ message: expect.any(String) });
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { passwordHash: true, sessionVersion: true } });
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);

    await expect(anon.auth.resetPassword({ token, password: "another-pass-99" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This reset link has expired or has already been used. Ask for a new one.",
    });
  });

  it("refuses an expired token and a made-up one, changing nothing", async () => {
    const u = await makeCustomer();
    await ask(u.email);
    const token = tokenIn((await lastMailTo(u.email))!.text)!;
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { passwordHash: true } });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61 * 60_000);
    try {
      await expect((await callerAs(null)).auth.resetPassword({ token, password: NEW_PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    } finally {
      vi.useRealTimers();
    }
    await expect((await callerAs(null)).auth.resetPassword({ token: "x".repeat(43), password: NEW_PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { passwordHash: true } })).passwordHash).toBe(passwordHash);
  });

  it("two uses of one token racing each other: exactly one wins", async () => {
    const u = await makeCustomer();
    await ask(u.email);
    const token = tokenIn((await lastMailTo(u.email))!.text)!;
    const anon = await callerAs(null);
    const results = await Promise.allSettled([anon.auth.resetPassword({ token, password: NEW_PASSWORD }), anon.auth.resetPassword({ token, password: "other-pass-123" })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});
