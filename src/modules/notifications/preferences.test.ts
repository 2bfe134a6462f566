import { describe, expect, it } from "vitest";
import { emailAllowed } from "~/modules/notifications/preferences";

const all = { emailEnabled: true, emailQuotes: true, emailMessages: true };

describe("emailAllowed", () => {
  it("honours the master switch for every kind", () => {
    for (const kind of ["message", "quote.new", "deal.won", "request.closed"]) expect(emailAllowed({ ...all, emailEnabled: false }, kind)).toBe(false);
  });
  it("lets messages and quote news be turned off separately", () => {
    expect(emailAllowed({ ...all, emailMessages: false }, "message")).toBe(false);
    expect(emailAllowed({ ...all, emailMessages: false }, "quote.new")).toBe(true);
    expect(emailAllowed({ ...all, emailQuotes: false }, "quote.revised")).toBe(false);
    expect(emailAllowed({ ...all, emailQuotes: false }, "pre_approval.decided")).toBe(false);
    expect(emailAllowed({ ...all, emailQuotes: false }, "lead.new")).toBe(false);
    expect(emailAllowed({ ...all, emailMessages: false }, "lead.new")).toBe(true);
    expect(emailAllowed({ ...all, emailQuotes: false }, "message")).toBe(true);
  });
  it("treats a keep-in-touch reminder as a dealer's message", () => {
    expect(emailAllowed({ ...all, emailMessages: false }, "keep_in_touch")).toBe(false);
    expect(emailAllowed({ ...all, emailQuotes: false }, "keep_in_touch")).toBe(true);
    expect(emailAllowed({ ...all, emailEnabled: false }, "keep_in_touch")).toBe(false);
  });
  it("always sends account-level news when email is on", () => {
    expect(emailAllowed({ emailEnabled: true, emailQuotes: false, emailMessages: false }, "deal.won")).toBe(true);
  });
});
