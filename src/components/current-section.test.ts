import { describe, expect, it } from "vitest";
import { currentHref } from "./current-section";

const nav = [
  { href: "/customer", label: "My requests" },
  { href: "/customer/requests/new", label: "New request" },
  { href: "/customer/data", label: "My data" },
];

describe("which section is current", () => {
  it("marks the most specific section, and a request page under My requests", () => {
    expect(currentHref(nav, "/customer")).toBe("/customer");
    expect(currentHref(nav, "/customer/requests/new")).toBe("/customer/requests/new");
    expect(currentHref(nav, "/customer/requests/abc123")).toBe("/customer");
    expect(currentHref(nav, "/customer/data/log")).toBe("/customer/data");
    expect(currentHref(nav, "/customerx")).toBeNull();
  });
});
