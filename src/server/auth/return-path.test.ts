import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("returns to a page inside the user's own area, with its query", () => {
    expect(safeReturnPath("/customer/requests/new", "/customer")).toBe("/customer/requests/new");
    expect(safeReturnPath("/customer/requests/abc?tab=quotes", "/customer")).toBe("/customer/requests/abc?tab=quotes");
    expect(safeReturnPath("/customer", "/customer")).toBe("/customer");
  });

  it("falls back to home for other areas, other sites and tricks", () => {
    for (const bad of [
      null,
      "",
      "https://evil.example/customer",
      "//evil.example/customer",
      "/\\evil.example",
      "/customer\\..\\dealer",
      "/customerevil",
      "/dealer/leads",
      "/customer/../dealer",
      "/customer/%2e%2e/dealer",
      "/customer\t/x",
      "customer/requests",
      "javascript:alert(1)",
    ]) {
      expect([bad, safeReturnPath(bad, "/customer")]).toEqual([bad, "/customer"]);
    }
  });
});
