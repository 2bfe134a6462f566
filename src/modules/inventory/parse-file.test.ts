import { describe, expect, it } from "vitest";
import { parseInventoryFile, InventoryFileError, MAX_FILE_BYTES } from "./parse-file";
import { csvFile, csvRow, vin2024 } from "./test-csv";

const enc = (s: string) => new TextEncoder().encode(s);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof InventoryFileError) return e;
    throw e;
  }
  throw new Error("not refused");
};

describe("parseInventoryFile: rows", () => {
  it("reads the usual headers, case- and space-insensitive, into units in cents", () => {
    const { rows, bad, total } = parseInventoryFile(csvFile([csvRow(1)]));
    expect(bad).toEqual([]);
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      line: 2, vin: vin2024(1), stockNumber: "S1", year: 2024, make: "Honda", model: "Accord", trim: "EX", bodyType: "SEDAN",
      mileage: 12, priceCents: 3_199_500, msrpCents: 3_300_000, condition: "NEW", exteriorColor: "Blue",
      inStockSince: new Date("2026-11-02T00:00:00Z"),
    });
  });

  it("gives each bad row its line number and reason, and keeps the good ones", () => {
    const bad = vin2024(3).slice(0, 8) + (vin2024(3)[8] === "0" ? "1" : "0") + vin2024(3).slice(9);
    const file = csvFile([
      csvRow(1),
      csvRow(2, { year: "2023" }),
      csvRow(3, { vin: bad }),
      csvRow(4, { price: "0" }),
      csvRow(5, { price: "" }),
      csvRow(6, { make: "" }),
      csvRow(1),
      csvRow(7, { mileage: "12k" }),
      csvRow(8, { price: "abc" }),
      csvRow(9),
    ]);
    const r = parseInventoryFile(file);
    expect(r.rows.map((x) => x.line)).toEqual([2, 11]);
    expect(r.bad.map((b) => [b.line, b.reason])).toEqual([
      [3, expect.stringMatching(/Year 2023 disagrees with the VIN.*2024/)],
      [4, expect.stringMatching(/check digit/)],
      [5, expect.stringMatching(/price above \$0/)],
      [6, expect.stringMatching(/Missing price/)],
      [7, expect.stringMatching(/Missing make/)],
      [8, expect.stringMatching(/Duplicate VIN: already on line 2/)],
      [9, expect.stringMatching(/Mileage "12k" is not a whole number/)],
      [10, expect.stringMatching(/Price "abc" is not a number/)],
    ]);
  });

  it("reads an explicit mapping for headers it does not know", () => {
    const text = "Unit,Serial,MY,Brand,Line,Cost,State,Odo\nA1," + vin2024(1) + ",2024,Honda,Accord,31995,Used,100\n";
    const mapping = { Serial: "vin", MY: "year", Brand: "make", Line: "model", Cost: "price", State: "condition", Odo: "mileage", Unit: "stockNumber" } as const;
    const r = parseInventoryFile(enc(text), mapping);
    expect(r.rows[0]).toMatchObject({ vin: vin2024(1), make: "Honda", priceCents: 3_199_500, condition: "USED", mileage: 100, stockNumber: "A1" });
  });
});

describe("parseInventoryFile: whole-file refusals", () => {
  it("refuses an empty file, a header with no rows, and data with no header", () => {
    expect(refusal(() => parseInventoryFile(enc("")))).toMatchObject({ reason: "EMPTY", message: expect.stringMatching(/empty/) });
    expect(refusal(() => parseInventoryFile(enc("vin,year,make,model,price,condition\n")))).toMatchObject({ reason: "EMPTY", message: expect.stringMatching(/no vehicles/) });
    expect(refusal(() => parseInventoryFile(enc(`${vin2024(1)},2024,Honda\n${vin2024(2)},2024,Honda\n`)))).toMatchObject({ reason: "EMPTY", message: expect.stringMatching(/no header row/) });
  });

  it("refuses a file that is not UTF-8", () => {
    const latin1 = Uint8Array.from([...enc("vin,make\n"), 0x43, 0x69, 0x74, 0x72, 0x6f, 0xeb, 0x6e, 0x0a]);
    expect(refusal(() => parseInventoryFile(latin1))).toMatchObject({ reason: "NOT_UTF8", code: "BAD_REQUEST", message: expect.stringMatching(/UTF-8 CSV/) });
  });

  it("refuses UTF-16, with or without a byte-order mark, naming it", () => {
    const text = `vin,year,make,model,price,condition\n${vin2024(1)},2024,Honda,Accord,1,New\n`;
    const le = Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0), 0]));
    for (const bytes of [Uint8Array.from([0xff, 0xfe, ...le]), le, Uint8Array.from([0xfe, 0xff, ...le.slice(0, -1)])]) {
      expect(refusal(() => parseInventoryFile(bytes))).toMatchObject({ reason: "NOT_UTF8", message: expect.stringMatching(/UTF-16.*UTF-8 CSV/) });
    }
  });

  it("refuses a file over 5 MB as too large", () => {
    expect(refusal(() => parseInventoryFile(new Uint8Array(MAX_FILE_BYTES + 1)))).toMatchObject({ reason: "TOO_LARGE", code: "PAYLOAD_TOO_LARGE" });
  });

  it("refuses malformed CSV", () => {
    expect(refusal(() => parseInventoryFile(enc('vin,year\n"unclosed,2024\n')))).toMatchObject({ reason: "MALFORMED", message: expect.stringMatching(/not valid CSV/) });
    expect(refusal(() => parseInventoryFile(enc("vin,year\na,b,c\n")))).toMatchObject({ reason: "MALFORMED" });
  });

  it("names the missing required columns and returns the headers for the mapping", () => {
    const e = refusal(() => parseInventoryFile(enc(`VIN,Year,Make,Model,Sticker\n${vin2024(1)},2024,Honda,Accord,1\n`)));
    expect(e).toMatchObject({ reason: "MISSING_COLUMNS", missing: ["price", "condition"], headers: ["VIN", "Year", "Make", "Model", "Sticker"] });
    expect(e.message).toMatch(/price, condition/);
  });
});
