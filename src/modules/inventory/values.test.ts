import { describe, expect, it } from "vitest";
import { resolveColumns } from "./columns";
import { readBodyType, readCents, readCondition, readDate } from "./values";

describe("cell readers", () => {
  it("reads money without rounding", () => {
    expect(readCents("$32,995.50", "Price")).toBe(3_299_550);
    expect(readCents("32995.555", "Price")).toEqual({ problem: expect.stringMatching(/two decimals/) });
    expect(readCents("", "Price")).toBeNull();
  });

  it("reads conditions, bodies and dates as feeds write them", () => {
    expect(readCondition("CPO")).toBe("CERTIFIED");
    expect(readCondition("Demo")).toEqual({ problem: expect.any(String) });
    expect(readBodyType("Crew Cab Pickup")).toBe("TRUCK");
    expect(readBodyType("Sport Utility")).toBe("SUV");
    expect(readBodyType("Minivan")).toBe("MINIVAN");
    expect(readBodyType("Limousine")).toBeNull();
    expect(readDate("03/01/2026")).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(readDate("2026-02-30")).toEqual({ problem: expect.any(String) });
  });
});

describe("resolveColumns", () => {
  it("matches aliases whatever their case and spacing", () => {
    const { columns, missing } = resolveColumns([" Stock Number ", "VIN", "year", "MAKE", "Model", "price_current", "Condition"]);
    expect(columns).toMatchObject({ stockNumber: 0, vin: 1, price: 5, condition: 6 });
    expect(missing).toEqual([]);
  });

  it("lets an explicit mapping override an alias", () => {
    const { columns } = resolveColumns(["price", "sale"], { sale: "price", price: "msrp" });
    expect(columns).toMatchObject({ price: 1, msrp: 0 });
  });
});
