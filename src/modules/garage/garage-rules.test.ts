import { describe, expect, it } from "vitest";
import { withCheckDigit } from "~/modules/vehicles/vin";
import { checkGarageVin } from "./garage-rules";

const HONDA_2003 = "1HGCM82633A004352";

describe("checkGarageVin", () => {
  it("takes the make from the VIN when none is typed, and keeps a typed one", () => {
    expect(checkGarageVin(HONDA_2003, 2003, undefined)).toEqual({ ok: true, make: "Honda" });
    expect(checkGarageVin(HONDA_2003, 2003, "Acura")).toEqual({ ok: true, make: "Acura" });
  });
  it("names the field: the VIN's check digit, or a year position 10 disagrees with", () => {
    expect(checkGarageVin("1HGCM82603A004352", 2003, undefined)).toEqual({ ok: false, fields: { vin: "This VIN's check digit does not match; please check it for typos." } });
    expect(checkGarageVin(HONDA_2003, 2004, undefined)).toEqual({ ok: false, fields: { year: "This VIN is for a 2003 model year (its 10th character is 3), not 2004." } });
  });
  it("asks for the make when the maker code is unknown", () => {
    expect(checkGarageVin(withCheckDigit("ZZZBZ1FB0MU000001"), 2021, "")).toEqual({ ok: false, fields: { make: "Enter the make: we could not tell it from this VIN." } });
  });
});
