import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { authOptions } from "~/server/auth/options";
import { ACCOUNT_AT_ADDRESS } from "~/server/auth/sign-in-throttle";
import { actorFromToken } from "~/server/auth/session";
import { callerAs, FACTORY_PASSWORD, makeAdmin, makeCustomer } from "../../../test/factories";

type Authorize = (creds: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string; sv: number } | null>;
// next-auth keeps the user-supplied authorize on the provider's options.
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const req = { headers: {} };

describe("credentials sign-in", () => {
  it("signs in with the right password only", async () => {
    const u = await makeCustomer();
    expect(await authorize({ email: u.email, password: FACTORY_PASSWORD }, req)).toMatchObject({ id: u.id });
    expect(await authorize({ email: u.email, password: "wrong-password-1" }, req)).toBeNull();
    expect(await authorize({ email: "nobody@nowhere.test", password: FACTORY_PASSWORD }, req)).toBeNull();
  });

  it("makes the address that failed on an account wait, even with the right password (more in sign-in-throttle.int.test.ts)", async () => {
    const u = await makeCustomer();
    for (let i = 0; i < ACCOUNT_AT_ADDRESS.free; i++) await authorize({ email: u.email, password: "wrong-password-1" }, req);
    await expect(authorize({ email: u.email, password: FACTORY_PASSWORD }, req)).rejects.toThrow(/^Throttled:\d+$/);
  });

  it("refuses a disabled user", async () => {
    const u = await makeCustomer();
    await db.user.update({ where: { id: u.id }, data: { disabled: true } });
    expect(await authorize({ email: u.email, password: FACTORY_PASSWORD }, req)).toBeNull();
  });
});

describe("sessions are checked against the user row on every request", () => {
  it("ends a session on sign-out, disabling, or a role change", async () => {
    const u = await makeCustomer();
    const token = { uid: u.id, sv: 0 };
    expect(await actorFromToken(token)).toMatchObject({ userId: u.id, role: "CUSTOMER" });

    await authOptions.events!.signOut!({ token, session: null } as never);
    expect(await actorFromToken(token)).toBeNull();

    const fresh = { uid: u.id, sv: 1 };
    expect(await actorFromToken(fresh)).not.toBeNull();
    const admin = await callerAs((await makeAdmin()).id);
    await admin.admin.setUserAccess({ userId: u.id, disabled: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { sessionVersion: true } });
    expect(await actorFromToken({ uid: u.id, sv: after.sessionVersion })).toBeNull();

    await admin.admin.setUserAccess({ userId: u.id, disabled: false, role: "DEALER" });
    expect(await actorFromToken({ uid: u.id, sv: after.sessionVersion })).toBeNull();
  });

  it("ignores tokens without a user id", async () => {
    expect(await actorFromToken(null)).toBeNull();
    expect(await actorFromToken({ sv: 0 })).toBeNull();
  });
});
