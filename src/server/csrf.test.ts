import { describe, expect, it } from "vitest";
import { isCrossOrigin } from "~/server/csrf";

const h = (o: Record<string, string>) => new Headers(o);

describe("cross-origin mutation check", () => {
  it("accepts same-origin browser requests and non-browser clients", () => {
    expect(isCrossOrigin(h({ host: "app.example", origin: "https://app.example" }))).toBe(false);
    expect(isCrossOrigin(h({ host: "app.example", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossOrigin(h({ host: "app.example" }))).toBe(false);
  });
  it("refuses another origin", () => {
    expect(isCrossOrigin(h({ host: "app.example", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOrigin(h({ host: "app.example", "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossOrigin(h({ host: "app.example", origin: "null" }))).toBe(true);
  });
});
