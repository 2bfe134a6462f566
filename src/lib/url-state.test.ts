import { describe, expect, it } from "vitest";
import { flag, id, numberOf, oneOf, readState, text, writeState } from "./url-state";

const spec = {
  status: oneOf(["ALL", "NEW", "QUOTED"], "ALL"),
  within: numberOf([10, 25]),
  financed: flag,
  q: text(5),
  who: id(),
};
const read = (s: string) => readState(spec, new URLSearchParams(s));

describe("list state in the URL", () => {
  it("reads each kind of parameter and writes it back", () => {
    const s = read("status=quoted&within=25&financed=1&q=ford&who=c1abc_9");
    expect(s).toEqual({ status: "QUOTED", within: 25, financed: true, q: "ford", who: "c1abc_9" });
    expect(writeState(spec, s)).toBe("?status=quoted&within=25&financed=1&q=ford&who=c1abc_9");
    expect(read(writeState(spec, s).slice(1))).toEqual(s);
  });

  it("reads missing, unknown or malformed values as the defaults and leaves defaults out of the URL", () => {
    const s = read("status=zzz&within=7&financed=yes&who=../../etc");
    expect(s).toEqual({ status: "ALL", within: null, financed: false, q: "", who: "" });
    expect(writeState(spec, s)).toBe("");
    expect(read("within=&status=")).toMatchObject({ within: null, status: "ALL" });
  });

  it("cuts free text to the length the server accepts", () => {
    expect(read("q=abcdefgh").q).toBe("abcde");
    expect(writeState(spec, { ...read(""), q: "abcdefgh" })).toBe("?q=abcde");
  });

  it("keeps parameters it does not own and replaces the ones it does", () => {
    const base = new URLSearchParams("next=%2Fdealer&status=new");
    expect(writeState(spec, { ...read(""), status: "QUOTED" }, base)).toBe("?next=%2Fdealer&status=quoted");
    expect(writeState(spec, read(""), base)).toBe("?next=%2Fdealer");
  });
});
