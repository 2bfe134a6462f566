import { describe, expect, it } from "vitest";
import { extractReply } from "./extract-reply";
import { normalizeAddress, parseRelayAddress } from "./address";

describe("extractReply", () => {
  it("cuts Gmail's \"On … wrote:\" and everything under it", () => {
    const text = "Yes, it's on the lot.\nCome by Saturday.\n\nOn Mon, Dec 7, 2026 at 10:02 AM Keyturn <lead-abc@relay.example> wrote:\n> Is the RAV4 still available?\n> Thanks";
    expect(extractReply(text)).toBe("Yes, it's on the lot.\nCome by Saturday.");
  });

  it("cuts a Gmail attribution that wrapped onto two lines", () => {
    const text = "Sure thing.\n\nOn Mon, Dec 7, 2026 at 10:02 AM Keyturn Buyer <lead-0123456789abcdef@relay.example>\nwrote:\n> hello";
    expect(extractReply(text)).toBe("Sure thing.");
  });

  it("cuts Outlook's From:/Sent: header block, with or without the rule above it", () => {
    const outlook = "We can do $31,900 out the door.\r\n\r\nFrom: Keyturn <lead-abc@relay.example>\r\nSent: Monday, December 7, 2026 10:02 AM\r\nTo: Sales <sales@dealer.example>\r\nSubject: RE: Your lead\r\n\r\nIs the price negotiable?";
    expect(extractReply(outlook)).toBe("We can do $31,900 out the door.");
    const ruled = "Price is firm.\n\n________________________________\nFrom: Keyturn <lead-abc@relay.example>\nSent: Monday\nSubject: x\n\nold text";
    expect(extractReply(ruled)).toBe("Price is firm.");
    expect(extractReply("Thanks\n-----Original Message-----\nFrom: a\nold")).toBe("Thanks");
  });

  it("keeps a sentence that merely starts with \"From:\" when no header block follows", () => {
    expect(extractReply("From: our Tempe lot, ready Friday.\nCall us.")).toBe("From: our Tempe lot, ready Friday.\nCall us.");
  });

  it("drops the \"-- \" signature and a mobile footer", () => {
    expect(extractReply("See you at 3.\n\n-- \nMike Ross\nSales Manager\n555-0100")).toBe("See you at 3.");
    expect(extractReply("See you at 3.\n--\nMike")).toBe("See you at 3.");
    expect(extractReply("On my way.\n\nSent from my iPhone")).toBe("On my way.");
  });

  it("drops \">\" quoted lines interleaved with the answer", () => {
    const text = "> Does it have AWD?\nYes, AWD.\n> And the colour?\nBlue.\n";
    expect(extractReply(text)).toBe("Yes, AWD.\nBlue.");
  });

  it("returns nothing for a message that was only quotes", () => {
    expect(extractReply("> hello\n> there\n")).toBe("");
  });
});

describe("parseRelayAddress", () => {
  const token = "0123456789abcdef0123456789abcdef";
  it("reads the token of lead-<token>@domain, in any case", () => {
    expect(parseRelayAddress(`lead-${token}@relay.example.com`, "relay.example.com")).toBe(token);
    expect(parseRelayAddress(`LEAD-${token.toUpperCase()}@Relay.Example.com`, "relay.example.com")).toBe(token);
  });
  it("refuses other domains, other local parts and malformed tokens", () => {
    expect(parseRelayAddress(`lead-${token}@evil.example.com`, "relay.example.com")).toBeNull();
    expect(parseRelayAddress(`lead-${token}@sub.relay.example.com`, "relay.example.com")).toBeNull();
    expect(parseRelayAddress(`sales@relay.example.com`, "relay.example.com")).toBeNull();
    expect(parseRelayAddress(`lead-${token.slice(1)}@relay.example.com`, "relay.example.com")).toBeNull();
    expect(parseRelayAddress(`lead-${token}x@relay.example.com`, "relay.example.com")).toBeNull();
    expect(parseRelayAddress(`lead-${"g".repeat(32)}@relay.example.com`, "relay.example.com")).toBeNull();
  });
  it("normalizes addresses like DealerCrmAddress stores them", () => {
    expect(normalizeAddress("  Sales@Dealer.Example ")).toBe("sales@dealer.example");
  });
});
