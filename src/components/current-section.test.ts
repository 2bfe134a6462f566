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

describe("sections that own other paths", () => {
  const dealer = [
    { href: "/dealer", label: "Leads" },
    { href: "/dealer/inventory", label: "Inventory" },
    { href: "/dealer/settings", label: "Settings", also: ["/dealer/coverage", "/dealer/team"] },
  ];
  it("marks Settings for its own pages and for the settings that keep their URLs", () => {
    expect(currentHref(dealer, "/dealer/settings/quote-defaults")).toBe("/dealer/settings");
    expect(currentHref(dealer, "/dealer/coverage")).toBe("/dealer/settings");
    expect(currentHref(dealer, "/dealer/team")).toBe("/dealer/settings");
    expect(currentHref(dealer, "/dealer/leads/x")).toBe("/dealer");
    expect(currentHref(dealer, "/dealer/inventory/import")).toBe("/dealer/inventory");
  });
});
