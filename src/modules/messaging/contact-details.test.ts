import { describe, expect, it } from "vitest";
import { findContactDetails } from "~/modules/messaging/contact-details";

const kinds = (s: string) => findContactDetails(s).map((h) => h.kind);

describe("findContactDetails", () => {
  it("finds phone numbers in the usual US shapes", () => {
    for (const s of ["call me 602-555-0142", "(602) 555 0142 after 5", "+1 602.555.0142", "6025550142", "1-602-555-0142"]) expect(kinds(s)).toEqual(["phone"]);
  });

  it("finds email addresses, also spelled out", () => {
    expect(findContactDetails("write to ava.m+cars@example.com please")).toEqual([{ kind: "email", text: "ava.m+cars@example.com" }]);
    expect(kinds("ava at example dot com")).toEqual(["email"]);
    expect(kinds("ava(at)example(dot)com")).toEqual(["email"]);
  });

  it("leaves ordinary car talk alone: prices, years, mileage, VINs, times", () => {
    for (const s of ["Could I test drive it on Saturday at 10?", "Is $34,500 your best price?", "2021 with 18,000 miles", "VIN 1HGCM82633A004352", "we meet at the lot at 5"]) {
      expect(findContactDetails(s)).toEqual([]);
    }
  });

  it("finds both in one message, and returns the text as written", () => {
    const hits = findContactDetails("I'm Ava, 602 555 0142 or ava@demo.keyturn");
    expect(hits.map((h) => h.text).sort()).toEqual(["602 555 0142", "ava@demo.keyturn"]);
  });
});
