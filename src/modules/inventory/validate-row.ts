import type { BodyType, InventoryStatus, VehicleCondition } from "~/generated/prisma/client";
import { vinModelYear, vinProblem } from "~/modules/vehicles/vin";
import type { ColumnMap, InventoryField } from "./columns";
import { isProblem, readBodyType, readCents, readCondition, readDate, readFeatures, readInt, type Read } from "./values";

export type InventoryRow = {
  line: number;
  vin: string;
  stockNumber: string | null;
  condition: VehicleCondition;
  year: number;
  make: string;
  model: string;
  trim: string | null;
  bodyType: BodyType | null;
  mileage: number;
  priceCents: number;
  msrpCents: number | null;
  exteriorColor: string | null;
  inStockSince: Date | null;
  features: string[];
  /** Set only by the inventory API; a CSV row leaves each unit's status as it is. */
  status?: InventoryStatus;
};
export type BadRow = { line: number; vin: string | null; reason: string };

const MAX_PRICE_CENTS = 50_000_000;

/** One data row to a unit, or the first reason it cannot be one. `line` is the file's line number. */
export function validateRow(record: string[], columns: ColumnMap, line: number): InventoryRow | BadRow {
  const cell = (f: InventoryField) => (columns[f] === undefined ? "" : (record[columns[f]] ?? "").trim());
  const text = (f: InventoryField, max: number) => cell(f).slice(0, max) || null;
  const vin = cell("vin").toUpperCase().replace(/[\s-]/g, "");
  const bad = (reason: string): BadRow => ({ line, vin: vin || null, reason });
  const value = <T>(v: Read<T>) => (isProblem(v) ? undefined : v);
  const firstProblem = (...vs: Read<unknown>[]) => vs.find(isProblem)?.problem;

  if (!vin) return bad("Missing VIN.");
  const vp = vinProblem(vin);
  if (vp) return bad(vp);
  const make = cell("make");
  if (!make) return bad("Missing make.");
  const model = cell("model");
  if (!model) return bad("Missing model.");

  const read = {
    year: readInt(cell("year"), "Year"), mileage: readInt(cell("mileage"), "Mileage"),
    price: readCents(cell("price"), "Price"), msrp: readCents(cell("msrp"), "MSRP"),
    condition: readCondition(cell("condition")), since: readDate(cell("inStockSince")),
  };
  const problem = firstProblem(...Object.values(read));
  if (problem) return bad(problem);
  const [year, mileage, price, msrp, condition, since] = [value(read.year), value(read.mileage), value(read.price), value(read.msrp), value(read.condition), value(read.since)];

  if (year == null) return bad("Missing year.");
  const vinYear = vinModelYear(vin);
  if (vinYear !== null && vinYear !== year) return bad(`Year ${String(year)} disagrees with the VIN, whose 10th character means ${vinYear}.`);
  if (!price) return bad("Missing price: a unit needs a price above $0.");
  if (price > MAX_PRICE_CENTS) return bad("Price is over $500,000; check the column holds dollars.");
  if (condition == null) return bad("Missing condition: say new, used or certified.");
  // A new car's odometer is often left blank in feeds; a used car's never should be.
  if (mileage == null && condition !== "NEW") return bad("Missing mileage for a used vehicle.");

  return {
    line, vin, make: make.slice(0, 40), model: model.slice(0, 60),
    year, condition, priceCents: price, mileage: mileage ?? 0, msrpCents: msrp ?? null, inStockSince: since ?? null,
    stockNumber: text("stockNumber", 40), trim: text("trim", 60), exteriorColor: text("exteriorColor", 40),
    bodyType: readBodyType(cell("bodyType")), features: readFeatures(cell("features")),
  };
}
