import { describe, expect, it } from "vitest";
import { chordToMiles } from "./distance";

describe("chordToMiles", () => {
  it("turns a chord through the earth into the great-circle distance", () => {
    const R = 6378168;
    expect(chordToMiles(0)).toBe(0);
    // A quarter of the way round: the chord is R·√2, the arc πR/2.
    expect(chordToMiles(R * Math.SQRT2)).toBeCloseTo((Math.PI * R) / 2 / 1609.344, 6);
    // Short distances: the chord and the arc agree to well under a foot at 50 miles.
    expect(chordToMiles(50 * 1609.344)).toBeCloseTo(50, 3);
    // Rounding noise past the antipode never yields NaN.
    expect(chordToMiles(2 * R + 1)).toBeCloseTo((Math.PI * R) / 1609.344, 6);
  });
});
