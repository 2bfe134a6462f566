import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerAs, makeDealer } from "../../../test/factories";

const email = (p: string) => `${p}-${Math.random().toString(36).slice(2, 8)}@signup.test`;

describe("sign-up", () => {
  it("creates a buyer", async () => {
    const anon = await callerAs(null);
    const e = email("buyer");
    await expect(anon.auth.signUp({ role: "CUSTOMER", name: "Pat Buyer", email: e, password: "good-password-7" })).resolves.toEqual({ home: "/customer" });
    const user = await db.user.findUniqueOrThrow({ where: { email: e }, select: { role: true, passwordHash: true } });
    expect(user.role).toBe("CUSTOMER");
    expect(user.passwordHash).not.toContain("good-password-7");
  });

  it("creates a dealer owner with a located, unverified dealership", async () => {
    const anon = await callerAs(null);
    const e = email("dealer");
    await expect(anon.auth.signUp({ role: "DEALER", name: "Dee Dealer", email: e, password: "good-password-7", orgName: "Dee Motors", zip: "75201" })).resolves.toEqual({ home: "/dealer" });
    const m = await db.membership.findFirstOrThrow({ where: { user: { email: e } }, select: { role: true, dealer: { select: { name: true, city: true, verified: true, lat: true } } } });
    expect(m.role).toBe("OWNER");
    expect(m.dealer).toMatchObject({ name: "Dee Motors", city: "Dallas", verified: false });
    expect(m.dealer!.lat).toBeCloseTo(32.79, 1);
  });

  it("creates a lender owner", async () => {
    const anon = await callerAs(null);
    const e = email("lender");
    await expect(anon.auth.signUp({ role: "LENDER", name: "Lee Lender", email: e, password: "good-password-7", orgName: "Lee Credit" })).resolves.toEqual({ home: "/lender" });
    const m = await db.membership.findFirstOrThrow({ where: { user: { email: e } }, select: { lender: { select: { name: true } } } });
    expect(m.lender?.name).toBe("Lee Credit");
  });

  it("says an email is taken, on the email field, and creates nothing", async () => {
    const anon = await callerAs(null);
    const e = email("dup");
    await anon.auth.signUp({ role: "CUSTOMER", name: "First", email: e, password: "good-password-7" });
    const before = await db.user.count();
    const err = await anon.auth.signUp({ role: "CUSTOMER", name: "Second", email: e.toUpperCase(), password: "good-password-7" }).catch((x) => x);
    expect(err.code).toBe("CONFLICT");
    expect(err.cause.fields.email).toMatch(/already registered/);
    expect(await db.user.count()).toBe(before);
  });

  it("rejects a weak password, a missing ZIP, an unknown ZIP and extra fields", async () => {
    const anon = await callerAs(null);
    const before = await db.user.count();
    await expect(anon.auth.signUp({ role: "CUSTOMER", name: "Weak", email: email("w"), password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(anon.auth.signUp({ role: "DEALER", name: "No Zip", email: email("z"), password: "good-password-7", orgName: "X Motors" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(anon.auth.signUp({ role: "DEALER", name: "Bad Zip", email: email("z"), password: "good-password-7", orgName: "X Motors", zip: "00000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Mass assignment: a caller cannot make themselves an admin or set fields we do not accept.
    await expect(anon.auth.signUp({ role: "ADMIN", name: "Evil", email: email("e"), password: "good-password-7" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(anon.auth.signUp({ role: "CUSTOMER", name: "Evil", email: email("e"), password: "good-password-7", disabled: false } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.user.count()).toBe(before);
  });
});

describe("organisation staff", () => {
  it("lets an owner add staff, who can then act for the same dealer", async () => {
    const dealer = await makeDealer();
    const owner = await callerAs(dealer.ownerId);
    const e = email("staff");
    await owner.auth.addStaff({ name: "Sam Staff", email: e, password: "good-password-7", role: "STAFF" });
    const staff = await db.user.findUniqueOrThrow({ where: { email: e }, select: { id: true, role: true, membership: { select: { dealerId: true, role: true } } } });
    expect(staff).toMatchObject({ role: "DEALER", membership: { dealerId: dealer.id, role: "STAFF" } });
    const list = await owner.auth.staff();
    expect(list.map((m) => m.user.email).sort()).toEqual(expect.arrayContaining([e]));
  });

  it("refuses staff adding staff", async () => {
    const dealer = await makeDealer();
    const owner = await callerAs(dealer.ownerId);
    const e = email("staff2");
    await owner.auth.addStaff({ name: "Sam Staff", email: e, password: "good-password-7", role: "STAFF" });
    const staffId = (await db.user.findUniqueOrThrow({ where: { email: e }, select: { id: true } })).id;
    const staff = await callerAs(staffId);
    await expect(staff.auth.addStaff({ name: "Another", email: email("x"), password: "good-password-7", role: "OWNER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps each organisation's team list to itself", async () => {
    const [a, b] = await Promise.all([makeDealer(), makeDealer()]);
    const list = await (await callerAs(a.ownerId)).auth.staff();
    expect(list.map((m) => m.user.id)).toEqual([a.ownerId]);
    expect(list.map((m) => m.user.id)).not.toContain(b.ownerId);
  });
});
