import { describe, expect, it } from "vitest";
import { COUNT_CAP, formatCount, sumCounts } from "./counts";

describe("capped counts", () => {
  it("shows the number below the cap and 99+ from the cap on", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(COUNT_CAP - 1)).toBe("99");
    expect(formatCount(COUNT_CAP)).toBe("99+");
  });
  it("caps a total of capped parts", () => {
    expect(sumCounts([3, undefined, 4])).toBe(7);
    expect(sumCounts([60, 50])).toBe(COUNT_CAP);
    expect(formatCount(sumCounts([COUNT_CAP, 2]))).toBe("99+");
  });
});
