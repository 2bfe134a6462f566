// Sign-in throttling by failures, never a lockout of the account itself. Two counters:
//  - the address (every account tried from it): slows a guesser spraying many accounts;
//  - the account *and* address together: slows a guesser on one account.
// Each allows a few free failures, then makes the next attempt wait, doubling each time. There is no
// counter on the account alone, so a stranger's failures never delay the owner signing in from
// another address. A success clears that account-and-address counter. Rows live in "RateLimit":
// "count" is failures in a row, "windowStart" the last failure; a day without failures forgets them.
// Time is the app's clock (Date), not the database's, so tests can move it.
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";

export type ThrottleRule = { free: number; firstDelaySeconds: number; maxDelaySeconds: number };
export const ACCOUNT_AT_ADDRESS: ThrottleRule = { free: 4, firstDelaySeconds: 2, maxDelaySeconds: 15 * 60 };
export const ADDRESS: ThrottleRule = { free: 30, firstDelaySeconds: 1, maxDelaySeconds: 5 * 60 };
const FORGET_AFTER_SECONDS = 24 * 60 * 60;

/** Seconds to wait after `failures` failures in a row before the next attempt. Pure. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(30, failures - rule.free));
}

export const throttleKeys = (email: string, ip: string) => ({
  accountAtAddress: `login-fail:acct:${email}:ip:${ip}`,
  address: `login-fail:ip:${ip}`,
});

/** Seconds until an attempt may be made with this email from this address; 0 when it may now. */
export async function signInWaitSeconds(email: string, ip: string): Promise<number> {
  const keys = throttleKeys(email, ip);
  const rows = await db.rateLimit.findMany({
    where: { key: { in: [keys.accountAtAddress, keys.address] } },
    select: { key: true, count: true, windowStart: true },
  });
  const now = Date.now();
  let wait = 0;
  for (const row of rows) {
    const since = (now - row.windowStart.getTime()) / 1000;
    if (since >= FORGET_AFTER_SECONDS) continue;
    const rule = row.key === keys.address ? ADDRESS : ACCOUNT_AT_ADDRESS;
    wait = Math.max(wait, Math.ceil(delayAfter(row.count, rule) - since));
  }
  return Math.max(0, wait);
}

/** Counts one failed attempt against both counters (one statement; a stale count starts again at 1). */
export async function recordSignInFailure(email: string, ip: string) {
  const keys = throttleKeys(email, ip);
  const now = new Date();
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${keys.accountAtAddress}, ${now}, 1), (${keys.address}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < ${forgetBefore} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = ${now}`);
}

/** The owner got in from here: their failures from this address are forgiven. The address counter stays. */
export async function recordSignInSuccess(email: string, ip: string) {
  await db.rateLimit.deleteMany({ where: { key: throttleKeys(email, ip).accountAtAddress } });
}
