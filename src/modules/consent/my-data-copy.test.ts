import { describe, expect, it } from "vitest";
import { afterRevokeLine, whoCanSeeSummary } from "~/modules/consent/my-data-copy";

describe("My data copy", () => {
  it("never says 'nobody' above cards of people who can see the details", () => {
    expect(whoCanSeeSummary(2, 0)).not.toMatch(/nobody/i);
    expect(whoCanSeeSummary(0, 1)).not.toMatch(/nobody/i);
    expect(whoCanSeeSummary(0, 0)).toMatch(/^Nobody can see your details right now\./);
  });

  it("the revoke dialog says 'your request stays open' only for an open request", () => {
    expect(afterRevokeLine("OPEN")).toBe("Your request stays open. Nothing else changes.");
    expect(afterRevokeLine("ACCEPTED")).not.toMatch(/stays open/);
    expect(afterRevokeLine("CANCELLED")).toBe("Nothing else changes.");
    expect(afterRevokeLine(null)).toBe("Nothing else changes.");
  });
});
