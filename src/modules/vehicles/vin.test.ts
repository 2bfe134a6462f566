import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vinMaker, vinModelYear, vinProblem, withCheckDigit, wmiFor } from "./vin";

describe("vinProblem", () => {
  it("accepts real VINs", () => {
    for (const vin of ["1M8GDM9AXKP042788", "11111111111111111", "1HGCM82633A004352"]) expect(vinProblem(vin)).toBeNull();
  });

  it("rejects wrong length, I/O/Q, symbols and a bad check digit", () => {
    expect(vinProblem("1M8GDM9AXKP04278")).toMatch(/17 characters/);
    expect(vinProblem("1M8GDM9AXKP04278O")).toMatch(/I, O or Q/);
    expect(vinProblem("1M8GDM9AXKP04278-")).toMatch(/letters and digits/);
    expect(vinProblem("1M8GDM9A1KP042788")).toMatch(/check digit/);
  });

  it("catches a single changed character wherever it changes the weighted sum", () => {
    const vin = "1HGCM82633A004352";
    const value = (c: string) => (/\d/.test(c) ? Number(c) : "ABCDEFGH".includes(c) ? "ABCDEFGH".indexOf(c) + 1 : ({ J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 } as Record<string, number>)[c]!);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.constantFrom(..."0123456789ABCDEFGHJKLMNPRSTUVWXYZ"), (pos, ch) => {
        fc.pre(pos !== 8 && ((value(ch) - value(vin[pos]!)) * [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2][pos]!) % 11 !== 0);
        expect(vinProblem(vin.slice(0, pos) + ch + vin.slice(pos + 1))).toMatch(/check digit/);
      }),
    );
  });
});

describe("vinModelYear", () => {
  it("reads position 10, resolving the 30-year cycle by position 7", () => {
    expect(vinModelYear("1HGCM82633A004352")).toBe(2003); // 7th is a digit: 1980–2009 cycle
    expect(vinModelYear("1M8GDM9AXKP042788")).toBe(1989);
    expect(vinModelYear("5YJ3E1EA7KF317000")).toBe(2019); // 7th is a letter: 2010 on
    expect(vinModelYear("5YJ3E1EB1PF000000")).toBe(2023);
  });

  it("gives null for a character that is no year code", () => {
    expect(vinModelYear("1HGCM8263UA004352")).toBeNull();
    expect(vinModelYear("1HGCM82630A004352")).toBeNull();
    expect(vinModelYear("short")).toBeNull();
  });
});

describe("vinMaker", () => {
  it("names the maker from the WMI prefix, or null", () => {
    expect(vinMaker("1HGCM82633A004352")).toBe("Honda");
    expect(vinMaker("5YJ3E1EA7KF317000")).toBe("Tesla");
    expect(vinMaker("ZZZ3E1EA7KF317000")).toBeNull();
  });

  it("round-trips through wmiFor", () => {
    for (const make of ["Toyota", "Ford", "BMW", "Mercedes-Benz", "Ram"]) expect(vinMaker(wmiFor(make)! + "00000000000000")).toBe(make);
  });
});

describe("withCheckDigit", () => {
  it("makes any 17-character VIN valid", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-HJ-NPR-Z0-9]{17}$/), (v) => {
        expect(vinProblem(withCheckDigit(v))).toBeNull();
      }),
    );
  });
});
