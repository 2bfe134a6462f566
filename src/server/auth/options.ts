import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "~/env.js";
import { db } from "~/server/db";
import { verifyPassword } from "~/server/auth/password";
import { recordSignInFailure, recordSignInSuccess, signInWaitSeconds } from "~/server/auth/sign-in-throttle";
import { clientIp } from "~/server/client-ip";

const credentials = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

// Failures are throttled by address and by account-and-address, with growing delays, never by the
// account alone: see ./sign-in-throttle.ts. The message carries the wait, for the sign-in form.
export class ThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Throttled:${retryAfterSeconds}`);
  }
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        const ip = clientIp(new Headers(req?.headers as Record<string, string> | undefined));
        const wait = await signInWaitSeconds(email, ip);
        // next-auth turns a thrown error's message into the `error` the sign-in form receives.
        if (wait > 0) throw new ThrottledError(wait);
        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true, disabled: true, sessionVersion: true },
        });
        // Unknown emails are counted like wrong passwords, so the throttle says nothing about who has an account.
        if (!user || user.disabled || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
          await recordSignInFailure(email, ip);
          return null;
        }
        await recordSignInSuccess(email, ip);
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      // Only the id travels to the client; role and organisation are read fresh on every request.
      return { ...session, user: { ...session.user, id: token.uid as string } };
    },
  },
  events: {
    // Ending the session server-side: any copy of this JWT is refused from now on.
    async signOut({ token }) {
      if (token?.uid) await db.user.update({ where: { id: token.uid as string }, data: { sessionVersion: { increment: 1 } } });
    },
  },
};
