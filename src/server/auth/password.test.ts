import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "~/server/auth/password";

describe("passwords", () => {
  it("hashes with scrypt and verifies only the right password", async () => {
    const h = await hashPassword("correct-horse-1");
    expect(h).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(h).not.toContain("correct-horse-1");
    expect(await verifyPassword("correct-horse-1", h)).toBe(true);
    expect(await verifyPassword("correct-horse-2", h)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
    // Three scrypt runs at N=2^17 take seconds on a loaded 2-core machine: a roomy limit, not a timing check.
  }, 60_000);

  it("explains why a password is weak", () => {
    expect(passwordProblem("short1")).toMatch(/10 characters/);
    expect(passwordProblem("onlyletterslong")).toMatch(/letters and numbers/);
    expect(passwordProblem("good-password-7")).toBeNull();
  });
});
