import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "~/env.js";
import { db } from "~/server/db";
import { verifyPassword } from "~/server/auth/password";
import { hitRateLimit } from "~/server/rate-limit";
import { clientIp } from "~/server/client-ip";

const credentials = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

// Ten tries per email per 15 minutes, and a wider cap per address, so guessing is slow but a
// forgetful user is not locked out for long.
export const LOGIN_LIMIT_PER_EMAIL = 10;
const LOGIN_LIMIT_PER_IP = 100;
const LOGIN_WINDOW_SECONDS = 15 * 60;

export class ThrottledError extends Error {}

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
        const headers = new Headers(req?.headers as Record<string, string> | undefined);
        const [byEmail, byIp] = await Promise.all([
          hitRateLimit(`login:email:${email}`, LOGIN_LIMIT_PER_EMAIL, LOGIN_WINDOW_SECONDS),
          hitRateLimit(`login:ip:${clientIp(headers)}`, LOGIN_LIMIT_PER_IP, LOGIN_WINDOW_SECONDS),
        ]);
        // next-auth turns a thrown error's message into ?error=<message> for the sign-in form.
        if (!byEmail.allowed || !byIp.allowed) throw new ThrottledError("Throttled");
        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true, disabled: true, sessionVersion: true },
        });
        if (!user || user.disabled || !(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
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
