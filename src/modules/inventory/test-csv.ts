import { withCheckDigit } from "~/modules/vehicles/vin";

// Position 7 is a letter (the 2010+ cycle) and position 10 is R, so every VIN here is a 2024 model year.
export const vin2024 = (serial: number) => withCheckDigit(`1HGCV1F30RA${String(serial).padStart(6, "0")}`);

export const HEADER = "Stock,VIN,Year,Make,Model,Trim,Body Style,Mileage,Internet_Price,MSRP,Type,Exterior_Color,Date_In_Stock";

export const csvRow = (serial: number, over: Partial<Record<"vin" | "year" | "make" | "price" | "mileage", string>> = {}) =>
  [`S${serial}`, over.vin ?? vin2024(serial), over.year ?? "2024", over.make ?? "Honda", "Accord", "EX", "Sedan", over.mileage ?? "12", `"${over.price ?? "$31,995"}"`, "33000", "New", "Blue", "2026-11-02"].join(",");

export const csvFile = (rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join("\n") + "\n");
